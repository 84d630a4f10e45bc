import { describe, expect, it } from 'vitest';
import { isImageRatio } from './imageCrops';

describe('isImageRatio', () => {
  it('accepts the three crops and nothing else, not even what every object inherits', () => {
    expect(['16x9', '4x3', '1x1'].every(isImageRatio)).toBe(true);
    expect(['16-9', '16x9.jpg', '', 'constructor', 'toString', '__proto__'].some(isImageRatio)).toBe(false);
  });
});
