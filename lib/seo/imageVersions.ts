import { createHash } from 'node:crypto';
import type { Article, HeroImage } from '../content/article';
import { formatFocus } from '../images/focusPoint';

function shortHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12);
}

/** Changes with the hero's file and its focus point: what its crops are cut from. */
export function cropVersion(image: HeroImage): string {
  return shortHash(image.hash, image.focus ? formatFocus(image.focus) : 'attention');
}

/** Changes with everything the share card draws: the photo and its crop, the credit, section, title, author and date. */
export function shareCardVersion(article: Article): string {
  return shortHash(
    cropVersion(article.image),
    article.image.credit,
    article.category,
    article.title,
    ...article.authors.map((author) => author.name),
    article.publishedAt.iso,
  );
}
