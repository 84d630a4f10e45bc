import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { offsetMs, parisOffsetAt } from '../../../scripts/fixtureCorpus/parisClock';
import servers from '../servers.json' with { type: 'json' };

/**
 * What the content files of the server under test say, read here straight from
 * the Markdown with a YAML parser and the time-zone database: the crawler tests
 * hold the site to this, not to the site's own code.
 */
const frontMatterSchema = z.object({
  title: z.string(),
  description: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string().optional(),
  author: z.string().optional(),
  authors: z.array(z.string()).min(1).optional(),
  category: z.string(),
  tags: z.array(z.string()).default([]),
  draft: z.boolean().default(false),
  image: z.object({ src: z.string(), alt: z.string(), credit: z.string() }),
  corrections: z.array(z.object({ date: z.string(), text: z.string() })).default([]),
  live: z.boolean().default(false),
});

/**
 * A live article's entry times, read here from its `## 16:45 …` / `## 2024-02-07 09:10 …`
 * headings: a time alone is on the day of the dated heading above it, or the publication's.
 */
function liveEntryTimes(body: string, published: string): string[] {
  let day = published.slice(0, 10);
  const times: string[] = [];
  for (const [, date, hour = '', minute = ''] of body.matchAll(/^## (?:(\d{4}-\d{2}-\d{2}) )?(\d{1,2})[:h](\d{2})\s/gm)) {
    if (date) day = date;
    const iso = expectedIso(`${day} ${hour.padStart(2, '0')}:${minute}`);
    day = iso.slice(0, 10);
    times.push(iso);
  }
  return times;
}

export interface ArticleFacts {
  slug: string;
  title: string;
  /** The standfirst. */
  description: string;
  /** The Markdown after the front matter. */
  body: string;
  category: string;
  tags: string[];
  /** The first author. */
  author: string;
  /** Every author, in the byline's order (`author:` alone, or `authors:`). */
  authors: string[];
  draft: boolean;
  /** Live coverage (`live: true`): its structured data is a LiveBlogPosting. */
  live: boolean;
  image: { src: string; alt: string; credit: string; file: string; hash: string };
  /** ISO 8601 with offset, as the site must print it: the written offset, or Paris's. */
  published: string;
  modified: string;
  publishedMs: number;
  modifiedMs: number;
}

export interface SiteFacts {
  baseUrl: string;
  articles: ArticleFacts[];
  /** Public articles, newest first. */
  published: ArticleFacts[];
}

type ProjectName = keyof typeof servers;

/** `2023-10-05 09:00` (Paris) or `2024-02-06T16:17:00+01:00` → the ISO text with offset the site must print. */
export function expectedIso(written: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(written.trim());
  if (!match) throw new Error(`unreadable date in content: ${written}`);
  const [, day, time = '00:00', seconds = ':00', offset] = match;
  const wall = `${day}T${time}${seconds}`;
  if (offset !== undefined) return `${wall}${offset === 'Z' ? '+00:00' : offset}`;
  // Paris wall-clock time: the offset that maps back onto the same wall clock.
  const asUtc = Date.parse(`${wall}Z`);
  for (const candidate of ['+01:00', '+02:00']) {
    if (parisOffsetAt(asUtc - offsetMs(candidate)) === candidate) return `${wall}${candidate}`;
  }
  throw new Error(`no Paris offset for ${written}`);
}

/** A content file's YAML front matter and the Markdown after it. */
export function frontMatterOf(text: string, file: string): { yaml: string; body: string } {
  const frontMatter = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const yaml = frontMatter?.[1];
  if (!frontMatter || yaml === undefined) throw new Error(`no front matter in ${file}`);
  return { yaml, body: text.slice(frontMatter[0].length) };
}

function readArticles(contentDir: string): ArticleFacts[] {
  const folder = path.join(contentDir, 'articles');
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !path.basename(file).startsWith('.'))
    .map((file) => {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const { yaml, body } = frontMatterOf(text, file);
      const data = frontMatterSchema.parse(parseYaml(yaml, { schema: 'core' }));
      const authors = data.authors ?? (data.author === undefined ? [] : [data.author]);
      if (authors.length === 0) throw new Error(`no author in ${file}`);
      const published = expectedIso(data.publishedAt);
      // The last change: the update date (or the publication), unless a correction came later.
      let modified = data.updatedAt ? expectedIso(data.updatedAt) : published;
      const changes = [...data.corrections.map((correction) => expectedIso(correction.date)), ...(data.live ? liveEntryTimes(body, published) : [])];
      for (const iso of changes) {
        if (Date.parse(iso) > Date.parse(modified)) modified = iso;
      }
      return {
        slug: path.basename(file, '.md'),
        title: data.title,
        description: data.description,
        body,
        category: data.category,
        tags: data.tags,
        author: authors[0] ?? '',
        authors,
        draft: data.draft,
        live: data.live,
        image: { ...data.image, ...photoFile(contentDir, data.image.src) },
        published,
        modified,
        publishedMs: Date.parse(published),
        modifiedMs: Date.parse(modified),
      };
    });
}

/**
 * The file behind `/images/…` and the first 16 hex digits of its SHA-256: what
 * every URL the site makes of the photo must name, read here from the file
 * itself rather than from the site's code.
 */
function photoFile(contentDir: string, src: string): { file: string; hash: string } {
  const file = path.join(contentDir, 'images', ...src.replace(/^\/images\//, '').split('/'));
  return { file, hash: createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) };
}

const cache = new Map<string, SiteFacts>();

/** The facts for the Playwright project running this test (`site` or `corpus`). */
export function siteFacts(): SiteFacts {
  const name = test.info().project.name as ProjectName;
  const server = servers[name];
  const cached = cache.get(name);
  if (cached) return cached;
  const articles = readArticles(server.contentDir);
  const facts: SiteFacts = {
    baseUrl: `http://127.0.0.1:${server.port}`,
    articles,
    published: articles.filter((article) => !article.draft).sort((a, b) => b.publishedMs - a.publishedMs),
  };
  cache.set(name, facts);
  return facts;
}

/** French typography adds narrow no-break spaces; compare titles with spaces folded. */
export function foldSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** A section or tag name as the site writes it in URLs (« Culture et société » → culture-et-societe). */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
