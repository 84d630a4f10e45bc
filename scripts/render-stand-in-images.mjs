// Draws the in-house stand-in illustrations for the first article (the original
// Getty photographs are not ours to ship) and writes them as PNG in public/images.
// Run once by hand: `node scripts/render-stand-in-images.mjs`; the PNGs are committed.
import { mkdir } from 'node:fs/promises';
import sharp from 'sharp';

const palette = ['#f4a261', '#e76f51', '#2a9d8f', '#e9c46a', '#8ab17d', '#b56576', '#6d597a', '#4ea8de', '#f28482'];

/**
 * A grid of photo tiles, its top left corner at (x0, y0).
 * @param {number} x0
 * @param {number} y0
 * @param {number} columns
 * @param {number} rows
 * @param {number} size a tile's side
 * @param {number} gap between tiles
 */
function photoGrid(x0, y0, columns, rows, size, gap) {
  let tiles = '';
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const x = x0 + column * (size + gap);
      const y = y0 + row * (size + gap);
      const colour = palette[(row * columns + column * 2) % palette.length];
      tiles += `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="14" fill="${colour}"/>`;
      // a sun and a hill: the universal sign for "a photo"
      tiles += `<circle cx="${x + size * 0.7}" cy="${y + size * 0.3}" r="${size * 0.11}" fill="#fff" opacity="0.85"/>`;
      tiles += `<path d="M${x} ${y + size * 0.85} L${x + size * 0.35} ${y + size * 0.5} L${x + size * 0.6} ${y + size * 0.72} L${x + size * 0.78} ${y + size * 0.58} L${x + size} ${y + size * 0.8} L${x + size} ${y + size - 14} Q${x + size} ${y + size} ${x + size - 14} ${y + size} L${x + 14} ${y + size} Q${x} ${y + size} ${x} ${y + size - 14} Z" fill="#1d3557" opacity="0.35"/>`;
    }
  }
  return tiles;
}

/** @typedef {{ x: number, y: number }} Point */

/**
 * A neural network: layers of nodes, left to right, each joined to every node of the next.
 * @param {number} x0 the first layer's x
 * @param {number} y0 where each layer is centred vertically
 * @param {number[]} layers how many nodes each layer has
 * @param {number} spacingX between layers
 * @param {number} spacingY between the nodes of a layer
 * @returns {{ svg: string, inputs: Point[] }} inputs: the first layer's nodes
 */
function network(x0, y0, layers, spacingX, spacingY) {
  const nodes = layers.map((count, layer) =>
    Array.from({ length: count }, (_, index) => ({
      x: x0 + layer * spacingX,
      y: y0 + (index - (count - 1) / 2) * spacingY,
    })),
  );
  let lines = '';
  // Each layer joined to the one before it (the first has none), so that no index can fall outside the array.
  /** @type {Point[]} */
  let previous = [];
  for (const layer of nodes) {
    for (const from of previous) {
      for (const to of layer) {
        lines += `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="#a8dadc" stroke-width="2" opacity="0.35"/>`;
      }
    }
    previous = layer;
  }
  const dots = nodes
    .flat()
    .map(({ x, y }) => `<circle cx="${x}" cy="${y}" r="18" fill="#f1faee" stroke="#457b9d" stroke-width="6"/>`)
    .join('');
  return { svg: lines + dots, inputs: nodes[0] ?? [] };
}

function hero() {
  const grid = photoGrid(110, 150, 4, 4, 120, 30);
  const { svg, inputs } = network(1040, 450, [5, 6, 6, 3], 140, 105);
  const flows = inputs
    .map(
      (input, index) =>
        `<path d="M740 ${270 + index * 90} C 860 ${270 + index * 90}, 900 ${input.y}, ${input.x - 20} ${input.y}" stroke="#e9c46a" stroke-width="5" fill="none" stroke-dasharray="14 12" opacity="0.8"/>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d3557"/><stop offset="1" stop-color="#0b132b"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#sky)"/>${grid}${flows}${svg}</svg>`;
}

function inline() {
  const phone = `<rect x="150" y="90" width="330" height="620" rx="46" fill="#0b132b" stroke="#f1faee" stroke-width="10"/>
    <rect x="180" y="150" width="270" height="500" rx="10" fill="#1d3557"/>${photoGrid(195, 165, 2, 3, 112, 14)}
    <rect x="180" y="560" width="270" height="70" rx="10" fill="#f1faee" opacity="0.15"/>`;
  let pins = '';
  for (let index = 0; index < 8; index += 1) {
    const offset = 790 + index * 38;
    pins += `<rect x="${offset}" y="220" width="14" height="50" fill="#a8dadc"/><rect x="${offset}" y="530" width="14" height="50" fill="#a8dadc"/>`;
    pins += `<rect x="700" y="${300 + index * 30}" width="50" height="12" fill="#a8dadc"/><rect x="1100" y="${300 + index * 30}" width="50" height="12" fill="#a8dadc"/>`;
  }
  const chip = `${pins}<rect x="740" y="260" width="370" height="280" rx="28" fill="#457b9d" stroke="#f1faee" stroke-width="8"/>
    <text x="925" y="430" font-family="DejaVu Sans, sans-serif" font-size="120" font-weight="700" fill="#f1faee" text-anchor="middle">IA</text>`;
  const flow = `<path d="M480 400 C 580 400, 600 400, 690 400" stroke="#e9c46a" stroke-width="8" fill="none" stroke-dasharray="16 12"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
    <rect width="1200" height="800" fill="#f1faee"/><rect width="1200" height="800" fill="#a8dadc" opacity="0.35"/>${phone}${flow}${chip}</svg>`;
}

await mkdir('public/images', { recursive: true });
await sharp(Buffer.from(hero())).png({ compressionLevel: 9, palette: true }).toFile('public/images/meta-ia-photos-hero.png');
await sharp(Buffer.from(inline())).png({ compressionLevel: 9, palette: true }).toFile('public/images/meta-ia-photos-inline.png');
console.log('wrote public/images/meta-ia-photos-hero.png and meta-ia-photos-inline.png');
