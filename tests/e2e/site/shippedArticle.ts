import { readFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { parse as parseYaml } from 'yaml';
import servers from '../servers.json' with { type: 'json' };
import { foldSpaces, frontMatterOf, siteFacts, type ArticleFacts } from '../crawlers/contentFacts';

/**
 * The shipped content's newest article as its files say it, read here
 * (front matter with a YAML parser, quotes and images from the Markdown, photo
 * sizes from the files, dates in Paris time through the time-zone database):
 * the site tests hold the pages to these facts, so an editor's edit of the
 * article changes what they expect, not whether they pass.
 */
export interface ShippedArticle extends ArticleFacts {
  path: string;
  authorNames: string[];
  /** « 6 février 2024 » and « 16:17 », as a French reader reads the publication in Paris. */
  publishedDay: string;
  publishedTime: string;
  /** Each `>` block ending in « — Speaker, where »: its caption and first words. */
  quotes: { caption: string; speaker: string; where: string; opening: string }[];
  hero: { width: number; height: number };
  /** The body's images, in order. */
  images: { alt: string; credit: string; width: number; height: number }[];
}

const contentDir = servers.site.contentDir;

function photoSize(src: string): { width: number; height: number } {
  const { width, height } = imageSize(readFileSync(path.join(contentDir, 'images', src.replace(/^\/images\//, ''))));
  return { width, height };
}

function authorName(slug: string): string {
  const file = path.join(contentDir, 'authors', `${slug}.md`);
  const { yaml } = frontMatterOf(readFileSync(file, 'utf8'), file);
  const { name } = parseYaml(yaml) as { name: string };
  return name;
}

function quotesOf(body: string): ShippedArticle['quotes'] {
  // Runs of lines that start with `>`: one quote each.
  const blocks: string[][] = [];
  let previousQuoted = false;
  for (const line of body.split('\n')) {
    const quoted = line.startsWith('>');
    if (quoted && !previousQuoted) blocks.push([]);
    if (quoted) blocks.at(-1)?.push(line.replace(/^>\s?/, ''));
    previousQuoted = quoted;
  }
  return blocks.flatMap((lines) => {
    const caption = lines.at(-1) ?? '';
    if (!caption.startsWith('— ')) return [];
    const [speaker = '', ...rest] = caption.slice(2).split(',');
    return [{ caption, speaker: speaker.trim(), where: rest.join(',').trim(), opening: (lines[0] ?? '').split(' ').slice(0, 6).join(' ') }];
  });
}

function imagesOf(body: string): ShippedArticle['images'] {
  return [...body.matchAll(/!\[([^\]]*)\]\((\S+) "([^"]*)"\)/g)].map(([, alt = '', src = '', title = '']) => ({
    alt,
    credit: title.slice(title.indexOf('©')).trim(),
    ...photoSize(src),
  }));
}

const inParis = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', ...options });

export function shippedArticle(): ShippedArticle {
  const [article] = siteFacts().published;
  if (!article) throw new Error(`no published article in ${contentDir}`);
  const published = new Date(article.publishedMs);
  return {
    ...article,
    path: `/article/${article.slug}`,
    authorNames: article.authors.map(authorName),
    publishedDay: inParis({ day: 'numeric', month: 'long', year: 'numeric' }).format(published),
    publishedTime: inParis({ hour: '2-digit', minute: '2-digit' }).format(published),
    quotes: quotesOf(article.body),
    hero: photoSize(article.image.src),
    images: imagesOf(article.body),
  };
}

/** French typography adds narrow no-break spaces: compare with every space folded to one (a missing text as empty). */
export const folded = (text: string | null) => foldSpaces(text ?? '');
