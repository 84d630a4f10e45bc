import { describe, expect, it } from 'vitest';
import { nearestName } from './nearestName';

describe('nearestName', () => {
  it('finds the closest candidate within typo distance, whatever the case', () => {
    expect(nearestName('titel', ['description', 'title', 'tags'])).toBe('title');
    expect(nearestName('Tilte', ['title'])).toBe('title');
    expect(nearestName('mark-zukerberg-ia', ['mark-zuckerberg-ia', 'meta-ia'])).toBe('mark-zuckerberg-ia');
  });

  it('gives nothing when every candidate is too far', () => {
    expect(nearestName('legende', ['src', 'alt', 'width'])).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });

  it('keeps the first of equally close candidates', () => {
    expect(nearestName('tag', ['tags', 'tab'])).toBe('tags');
  });
});
