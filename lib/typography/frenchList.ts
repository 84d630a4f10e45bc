/** « A », « A et B », « A, B et C »: the French conjunction list, from ICU's data rather than by hand. */
const conjunction = new Intl.ListFormat('fr', { type: 'conjunction' });

export function listInFrench(items: readonly string[]): string {
  return conjunction.format(items);
}

/** The same list as parts, for a byline whose names are links: each item with the words that come before it. */
export function listPartsInFrench<T>(items: readonly T[], nameOf: (item: T) => string): Array<{ before: string; item: T }> {
  const parts: Array<{ before: string; item: T }> = [];
  let before = '';
  let next = 0;
  for (const part of conjunction.formatToParts(items.map(nameOf))) {
    if (part.type === 'literal') before += part.value;
    else {
      const item = items[next];
      next += 1;
      if (item === undefined) break;
      parts.push({ before, item });
      before = '';
    }
  }
  return parts;
}
