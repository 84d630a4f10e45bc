import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cropAround, formatFocus, parseFocus, type CropBox, type FocusPoint } from './focusPoint';

describe('parseFocus', () => {
  it.each([
    ['30% 40%', { x: 30, y: 40 }],
    ['0% 100%', { x: 0, y: 100 }],
    ['100% 0%', { x: 100, y: 0 }],
    ['  50 %   50 %  ', { x: 50, y: 50 }],
    ['12.5% 87.25%', { x: 12.5, y: 87.25 }],
    ['12,5% 87,25%', { x: 12.5, y: 87.25 }],
    ['007% 08%', { x: 7, y: 8 }],
  ])('reads %j', (text, focus) => {
    expect(parseFocus(text)).toStrictEqual({ ok: true, focus });
  });

  it.each(['', '30%', '30 40', '30% 40', '30%40%', '30%, 40%', '-10% 20%', '+10% 20%', 'a% b%', 'center', '30% 40% 50%', '1e2% 5%', '30.% 40%'])(
    'refuses %j as unreadable, with an example',
    (text) => {
      const parsed = parseFocus(text);
      expect(parsed).toStrictEqual({ ok: false, message: `point de cadrage illisible « ${text} »`, hint: expect.stringContaining('30% 40%') as unknown });
    },
  );

  it.each(['101% 50%', '50% 100.5%', '100,01% 0%', '999% 999%'])('refuses %j as outside the photo', (text) => {
    expect(parseFocus(text)).toStrictEqual({
      ok: false,
      message: `point de cadrage « ${text} » hors de l’image`,
      hint: expect.stringContaining('0 %') as unknown,
    });
  });

  it('reads back what formatFocus writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (x, y) => {
        const focus = { x: x / 100, y: y / 100 };
        expect(parseFocus(formatFocus(focus))).toStrictEqual({ ok: true, focus });
      }),
    );
  });
});

describe('formatFocus', () => {
  it('writes CSS object-position', () => {
    expect(formatFocus({ x: 30, y: 40.5 })).toBe('30% 40.5%');
  });
});

/** Where the focus point falls in the scaled photo. */
function focusInScaled(box: CropBox, focus: FocusPoint): { x: number; y: number } {
  return { x: (focus.x / 100) * box.scaledWidth, y: (focus.y / 100) * box.scaledHeight };
}

function expectValidCrop(source: { width: number; height: number }, frame: { width: number; height: number }, focus: FocusPoint): void {
  const box = cropAround(source, frame, focus);
  const context = JSON.stringify({ source, frame, focus, box });
  // Exactly the frame, inside the scaled photo.
  expect([box.width, box.height], context).toStrictEqual([frame.width, frame.height]);
  expect(Number.isInteger(box.left) && Number.isInteger(box.top), context).toBe(true);
  expect(box.left, context).toBeGreaterThanOrEqual(0);
  expect(box.top, context).toBeGreaterThanOrEqual(0);
  expect(box.left + box.width, context).toBeLessThanOrEqual(box.scaledWidth);
  expect(box.top + box.height, context).toBeLessThanOrEqual(box.scaledHeight);
  // The photo scaled to cover the frame, one side exactly, its proportions kept to the rounding.
  expect(Math.min(box.scaledWidth - frame.width, box.scaledHeight - frame.height), context).toBe(0);
  expect(Math.abs(box.scaledWidth * source.height - box.scaledHeight * source.width), context).toBeLessThanOrEqual((source.width + source.height) / 2);
  // The focus point in frame, and in its middle whenever the photo reaches that far.
  const point = focusInScaled(box, focus);
  expect(point.x, context).toBeGreaterThanOrEqual(box.left);
  expect(point.x, context).toBeLessThanOrEqual(box.left + box.width);
  expect(point.y, context).toBeGreaterThanOrEqual(box.top);
  expect(point.y, context).toBeLessThanOrEqual(box.top + box.height);
  if (point.x - frame.width / 2 >= 0 && point.x + frame.width / 2 <= box.scaledWidth) {
    expect(Math.abs(box.left + frame.width / 2 - point.x), context).toBeLessThanOrEqual(0.5);
  }
  if (point.y - frame.height / 2 >= 0 && point.y + frame.height / 2 <= box.scaledHeight) {
    expect(Math.abs(box.top + frame.height / 2 - point.y), context).toBeLessThanOrEqual(0.5);
  }
}

describe('cropAround', () => {
  const sources = [
    { width: 1600, height: 900 },
    { width: 1000, height: 1600 },
    { width: 1200, height: 1200 },
    { width: 400, height: 300 },
    { width: 6000, height: 4000 },
    { width: 16384, height: 16 },
    { width: 17, height: 16384 },
  ];
  const frames = [
    { width: 1200, height: 675 },
    { width: 1200, height: 900 },
    { width: 1200, height: 1200 },
    { width: 1200, height: 630 },
    { width: 500, height: 630 },
    { width: 1, height: 1 },
  ];
  const steps = [0, 0.5, 10, 25, 33.3, 50, 66.7, 75, 90, 99.5, 100];

  it('keeps the focus point in a box of the frame inside the photo, for a grid of photos, frames and points', () => {
    for (const source of sources) for (const frame of frames) for (const x of steps) for (const y of steps) expectValidCrop(source, frame, { x, y });
  });

  it('keeps the focus point in frame for any photo, frame and point', () => {
    const side = fc.integer({ min: 16, max: 16_384 });
    const frameSide = fc.integer({ min: 1, max: 2_400 });
    const percent = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(side, side, frameSide, frameSide, percent, percent, (width, height, frameWidth, frameHeight, x, y) => {
        expectValidCrop({ width, height }, { width: frameWidth, height: frameHeight }, { x, y });
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    [
      { width: 1600, height: 900 },
      { width: 1200, height: 1200 },
      { scaledWidth: 2133, scaledHeight: 1200, left: 467, top: 0 },
    ],
    [
      { width: 1000, height: 1600 },
      { width: 1200, height: 675 },
      { scaledWidth: 1200, scaledHeight: 1920, left: 0, top: 623 },
    ],
    [
      { width: 1200, height: 800 },
      { width: 1200, height: 800 },
      { scaledWidth: 1200, scaledHeight: 800, left: 0, top: 0 },
    ],
    [
      { width: 400, height: 300 },
      { width: 1200, height: 675 },
      { scaledWidth: 1200, scaledHeight: 900, left: 0, top: 113 },
    ],
  ])('centres the box of a photo %j cut to %j when the focus is central', (source, frame, expected) => {
    expect(cropAround(source, frame, { x: 50, y: 50 })).toStrictEqual({ ...expected, width: frame.width, height: frame.height });
  });

  it.each([
    [
      { x: 0, y: 0 },
      { left: 0, top: 0 },
    ],
    [
      { x: 100, y: 100 },
      { left: 933, top: 0 },
    ],
    [
      { x: 90, y: 50 },
      { left: 933, top: 0 },
    ],
    [
      { x: 10, y: 50 },
      { left: 0, top: 0 },
    ],
    [
      { x: 40, y: 50 },
      { left: 253, top: 0 },
    ],
  ])('moves the box back inside the photo at its edges: focus %j', (focus, expected) => {
    // 1600 × 900 scaled to 2133 × 1200 to cover a 1:1 frame of 1200.
    expect(cropAround({ width: 1600, height: 900 }, { width: 1200, height: 1200 }, focus)).toMatchObject(expected);
  });
});
