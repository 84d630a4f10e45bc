// Draws the kiosque logo: public/logo.svg (the source), public/logo.png (what
// structured data and feeds point to: search engines want a raster logo of at
// least 112 px) and app/icon.png (the favicon). Run by hand after editing the
// drawing: `node scripts/render-brand-images.mjs`; the files are committed.
import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';

const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="#b3261e"/>
  <rect x="96" y="112" width="320" height="40" rx="8" fill="#fbfaf7" opacity="0.9"/>
  <path d="M150 196h62v104l98-104h78l-106 108 114 124h-82l-102-114v114h-62z" fill="#fbfaf7"/>
</svg>
`;

await writeFile('public/logo.svg', logo);
await sharp(Buffer.from(logo)).png({ compressionLevel: 9 }).toFile('public/logo.png');
await sharp(Buffer.from(logo)).resize(64, 64).png({ compressionLevel: 9 }).toFile('app/icon.png');
console.log('public/logo.svg, public/logo.png (512×512), app/icon.png (64×64)');
