/** What a slug may be: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Actualité" → "actualite", "L’IA de Meta !" → "l-ia-de-meta". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Little words an editor drops from an address, so slugs stay short and read well. */
const TITLE_STOP_WORDS = new Set(
  'a au aux avec ce d de des du en et jusqu l la le les leur leurs n nos ou par pour qu que qui s sa se ses son sur un une vos'.split(' '),
);

/**
 * A slug for an article title: its significant words (all of them if none is),
 * cut at a word boundary under `maxLength`, without a stray letter at the cut.
 * "L’IA de Meta !" → "ia-meta".
 */
export function slugifyTitle(title: string, maxLength = 80): string {
  const words = slugify(title).split('-').filter(Boolean);
  const significant = words.filter((word) => !TITLE_STOP_WORDS.has(word));
  const chosen = significant.length > 0 ? significant : words;
  const kept: string[] = [];
  for (const word of chosen) {
    if ([...kept, word].join('-').length > maxLength) break;
    kept.push(word);
  }
  if (kept.length === 0) return chosen[0]?.slice(0, maxLength) ?? '';
  if (kept.length < chosen.length) while (kept.length > 1 && kept.at(-1)?.length === 1) kept.pop();
  return kept.join('-');
}
