import type { Moment } from './dates';
import { parisWallClock } from './parisClock';
import { itemAt, type Random } from './random';
import { CREDITS, NEWSROOM_SENTENCES, PHOTOS, type ArticleSpec, type Category, type LiveItem, type Quote } from './tables';

/** The entries of a live article, as the summary names them. */
export interface LiveEntry extends LiveItem {
  epoch: number;
  /** The anchor the site must give it: `direct-YYYY-MM-DD-HHMM`, Paris time. */
  id: string;
}

function renderQuote({ text, attribution }: Quote): string {
  return `> ${text}\n>\n> — ${attribution}`;
}

/**
 * A credited body photo; one in two (by its caption's length, so that no extra
 * draw shifts the rest of the corpus) is the first of a two-photo gallery whose
 * second photo has a focus point.
 */
function renderBodyImage(random: Random, category: Category): string {
  const { src, alt } = PHOTOS.inline;
  const caption = random.pick(category.captions);
  const image = `![${alt}](${src} "${caption} ${random.pick(CREDITS)}")`;
  if (caption.length % 2 === 1) return image;
  return `${image}\n![${PHOTOS.hero.alt}](${PHOTOS.hero.src} "Vue d’ensemble © Kiosque"){focus=70% 40%}`;
}

/** Mostly the category's own sentences, newsroom ones mixed in, none twice in an article. */
function drawSentenceSource(random: Random, category: Category): () => string {
  const own = random.shuffle(category.sentences);
  const general = random.shuffle(NEWSROOM_SENTENCES);
  const mixed: string[] = [];
  for (;;) {
    const fromOwn = own.length > 0 && (general.length === 0 || random.chance(0.7));
    const sentence = (fromOwn ? own : general).shift();
    if (sentence === undefined) break;
    mixed.push(sentence);
  }
  return () => {
    const sentence = mixed.shift();
    if (sentence === undefined) throw new Error('not enough sentences for this article: add some to data/categories.yaml or data/newsroomSentences.yaml');
    return sentence;
  };
}

/** At most: the smallest category and the newsroom pool hold 50 between them. */
const MAX_DRAWN_SENTENCES = 48;

/** 2 to 7 paragraphs after the opening one, at the article's own pace, terse or expansive, so lengths spread out. */
function drawParagraphs(random: Random, category: Category): string[] {
  const nextSentence = drawSentenceSource(random, category);
  const count = random.integer(2, 7);
  const pace = random.integer(3, Math.min(7, Math.floor(MAX_DRAWN_SENTENCES / count)));
  return Array.from({ length: count }, () => Array.from({ length: random.integer(pace - 1, pace) }, nextSentence).join(' '));
}

/**
 * The body, with the conventions the site renders: an attributed quote after the
 * opening, sometimes a second one, a `##` subheading and a credited body image.
 * Paragraph count and length vary so reading times run from 1 to about 6 minutes.
 */
export function buildBody(random: Random, spec: ArticleSpec, category: Category): string {
  const paragraphs = [spec.lede, ...(spec.paragraphs ?? drawParagraphs(random, category))];
  const quoteIndexes = random.shuffle(category.quotes.map((_, index) => index));
  const firstQuote = spec.quote ?? itemAt(quoteIndexes, 0);
  const secondQuote = quoteIndexes.find((index) => index !== firstQuote) ?? firstQuote;
  const blocks = [spec.lede, renderQuote(itemAt(category.quotes, firstQuote)), ...paragraphs.slice(1)];

  // Later positions first, so the earlier ones stay valid.
  const roomy = paragraphs.length >= 4;
  if (spec.long || (roomy && random.chance(0.35))) blocks.splice(blocks.length - 1, 0, renderQuote(itemAt(category.quotes, secondQuote)));
  if (spec.long || (roomy && random.chance(0.4))) blocks.splice(3, 0, `## ${random.pick(category.subheadings)}`);
  if (random.chance(0.35)) blocks.splice(2, 0, renderBodyImage(random, category));
  return blocks.join('\n\n');
}

/** The body with the spec's embed addresses, each alone on its line, after its first paragraph. */
export function withEmbeds(body: string, spec: ArticleSpec): string {
  if (!spec.embeds) return body;
  const [first = '', ...rest] = body.split('\n\n');
  return [first, ...spec.embeds.map((embed) => embed.url), ...rest].join('\n\n');
}

/**
 * A live article's body: its lede, then one `## HH:MM Titre` entry per item
 * (the date written when the day is not the publication's, `[essentiel]` on key
 * ones), and its entries. A live article draws a body like the others first, so
 * the draws after it stay the same.
 */
export function liveBody(spec: ArticleSpec, items: readonly LiveItem[], publishedAt: Moment): { body: string; live: LiveEntry[] } {
  const firstDay = parisWallClock(publishedAt.epoch).wall.slice(0, 10);
  const entries = items.map((item) => {
    const epoch = publishedAt.epoch + item.minutesLater * 60_000;
    const { wall } = parisWallClock(epoch);
    const [day, time] = [wall.slice(0, 10), wall.slice(11, 16)];
    return { ...item, day, time, epoch, id: `direct-${day}-${time.replace(':', '')}` };
  });
  const headings = entries.map(
    (entry) => `## ${entry.day === firstDay ? '' : `${entry.day} `}${entry.time} ${entry.key ? '[essentiel] ' : ''}${entry.title}\n\n${entry.text}`,
  );
  return { body: [spec.lede, ...headings].join('\n\n'), live: entries.map(({ day, time, ...entry }) => entry) };
}
