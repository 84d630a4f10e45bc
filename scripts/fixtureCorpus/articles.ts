import { ARTICLE_TYPES } from '../../lib/content/parsing/frontMatterSchema';
import { slugifyTitle } from '../../lib/slugify';
import { buildBody, liveBody, withEmbeds, type LiveEntry } from './body';
import { correctionsFor, drawPublishedAt, drawUpdatedAt, momentHoursAgo, type Correction, type Moment } from './dates';
import { itemAt, type Random } from './random';
import { AUTHORS, categoryOf, CREDITS, PHOTOS, type ArticleSpec, type Category, type Photo } from './tables';

export interface HeroImage extends Photo {
  credit: string;
  caption?: string;
}

/** An article as the generator writes it and the summary describes it. */
export interface GeneratedArticle {
  slug: string;
  title: string;
  description: string;
  publishedAt: Moment;
  updatedAt?: Moment;
  /** The first of the byline. */
  author: string;
  /** The rest of the byline, in its order. */
  coAuthors: string[];
  corrections: Correction[];
  category: string;
  tags: string[];
  type?: (typeof ARTICLE_TYPES)[number];
  image: HeroImage;
  body: string;
  live?: LiveEntry[];
  /** The embeds the site must show (an address without a provider stays a link). */
  embeds: { provider: string; url: string }[];
  dossier?: string;
  long: boolean;
  /** Dated relative to the generator's clock. */
  recent: boolean;
  draft: boolean;
}

/** What the real article has too: what the summary and the checks read. */
export type CorpusArticle = Pick<
  GeneratedArticle,
  'slug' | 'title' | 'description' | 'publishedAt' | 'author' | 'coAuthors' | 'corrections' | 'embeds' | 'category' | 'tags' | 'body'
> &
  Partial<Pick<GeneratedArticle, 'updatedAt' | 'type' | 'live' | 'dossier' | 'recent'>>;

/** Slugs of eight significant words at most, by lib's rule otherwise: short, like the real article's. */
const SLUG_MAX_WORDS = 8;

function articleSlug(title: string): string {
  const significant = slugifyTitle(title, Infinity).split('-');
  return slugifyTitle(title, significant.slice(0, SLUG_MAX_WORDS).join('-').length);
}

function drawAuthor(random: Random, category: Category): string {
  return random.chance(0.7) ? category.usualAuthor : random.pick(AUTHORS).slug;
}

/**
 * Every tenth article is co-signed (`authors:`), every thirtieth by three: the
 * next authors after the lead. Chosen by position, not drawn, so the rest of the
 * corpus is the same as without them.
 */
function coAuthorsFor(index: number, lead: string): string[] {
  if (index % 10 !== 5) return [];
  const others = AUTHORS.map((author) => author.slug).filter((slug) => slug !== lead);
  const start = Math.floor(index / 10) % others.length;
  const count = index % 30 === 15 ? 2 : 1;
  return Array.from({ length: count }, (_, offset) => itemAt(others, (start + offset) % others.length));
}

function drawHeroImage(random: Random, category: Category): HeroImage {
  const photo = random.chance(0.65) ? PHOTOS.hero : PHOTOS.inline;
  const caption = random.chance(0.5) ? random.pick(category.captions) : undefined;
  return { ...photo, credit: random.pick(CREDITS), ...(caption ? { caption } : {}) };
}

/**
 * Every fourth article gets a label above its title, the site's labels in turn so
 * that each is seen; starting at the second (+ 1) gives the labels the corpus has always had.
 */
const typeFor = (index: number): GeneratedArticle['type'] =>
  index % 4 === 3 ? itemAt(ARTICLE_TYPES, (Math.floor(index / 4) + 1) % ARTICLE_TYPES.length) : undefined;

/** Every spec, in order, as written: drafts included. */
export function buildArticles(random: Random, specs: readonly ArticleSpec[], takenEpochs: Set<number>, now: Date): GeneratedArticle[] {
  return specs.map((spec, index) => {
    const category = categoryOf(spec);
    const dated =
      'hoursAgo' in spec ? { publishedAt: momentHoursAgo(now, spec.hoursAgo), corrections: [] } : drawArchiveDates(random, spec.month, takenEpochs, index);
    const author = drawAuthor(random, category);
    const image = drawHeroImage(random, category);
    const drawn = withEmbeds(buildBody(random, spec, category), spec);
    return {
      slug: articleSlug(spec.title),
      title: spec.title,
      description: spec.description,
      ...dated,
      author,
      coAuthors: coAuthorsFor(index, author),
      category: spec.category,
      tags: spec.tags,
      type: typeFor(index),
      image,
      ...(spec.live ? liveBody(spec, spec.live, dated.publishedAt) : { body: drawn }),
      embeds: (spec.embeds ?? []).flatMap(({ provider, url }) => (provider ? [{ provider, url }] : [])),
      dossier: spec.dossier,
      long: spec.long === true,
      recent: 'hoursAgo' in spec,
      draft: spec.draft === true,
    };
  });
}

function drawArchiveDates(
  random: Random,
  month: string,
  takenEpochs: Set<number>,
  index: number,
): Pick<GeneratedArticle, 'publishedAt' | 'updatedAt' | 'corrections'> {
  const publishedAt = drawPublishedAt(random, month, takenEpochs);
  const updatedAt = random.chance(0.15) ? drawUpdatedAt(random, publishedAt) : undefined;
  return { publishedAt, ...(updatedAt ? { updatedAt } : {}), corrections: correctionsFor(index, publishedAt) };
}
