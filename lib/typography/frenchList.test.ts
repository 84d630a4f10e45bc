import { describe, expect, it } from 'vitest';
import { listInFrench, listPartsInFrench } from './frenchList';

describe('listInFrench', () => {
  it('joins one, two and three names as a French byline does', () => {
    expect(listInFrench(['Sika Gz'])).toBe('Sika Gz');
    expect(listInFrench(['Sika Gz', 'Léa Martin'])).toBe('Sika Gz et Léa Martin');
    expect(listInFrench(['Sika Gz', 'Léa Martin', 'Hugo Lefèvre'])).toBe('Sika Gz, Léa Martin et Hugo Lefèvre');
  });

  it('gives each item with the words before it, in order, for names that are links', () => {
    const authors = [
      { slug: 'a', name: 'Sika Gz' },
      { slug: 'b', name: 'Léa Martin' },
      { slug: 'c', name: 'Hugo Lefèvre' },
    ];
    expect(listPartsInFrench(authors, (author) => author.name).map(({ before, item }) => [before, item.slug])).toStrictEqual([
      ['', 'a'],
      [', ', 'b'],
      [' et ', 'c'],
    ]);
  });
});
