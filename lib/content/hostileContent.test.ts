import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GENERATED_FIXTURES, MEGABYTE } from '../../tests/hostile/generatedFixtures';
import { SLUG_PATTERN } from '../slugify';
import type { Article, ArticleBody } from './article';
import { checkContent, type ContentCheck } from './check/checkContent';
import type { ContentError } from './contentError';
import { ContentLoader, type ContentIndex } from './index/contentIndex';
import { parseArticleFile } from './parsing/parseArticleFile';
import { PhotoLibrary } from '../images/photoLibrary';
import { displayPath, readUtf8File } from './reading/readContentFiles';
import { buildArticleText } from './testing/buildContentFile';
import { createContentDir, SHIPPED_INLINE, type TempContentDir } from './testing/createContentDir';
import { activeContentIn } from './testing/htmlElements';

/**
 * Every file of tests/hostile/ is an article written to attack the site, and
 * tests/hostile/expectations.json says what the site must do with it: render
 * it with the active content gone, or refuse it with an error an editor can act
 * on. Each goes through the real paths: the loader the site uses on a folder
 * holding all of them plus one good article, and the parser on the file alone.
 */

const HOSTILE_DIR = path.resolve('tests/hostile');
const GOOD_ARTICLE = path.resolve('content/articles/mark-zuckerberg-ia-photos-facebook-instagram.md');
const GOOD_AUTHOR = path.resolve('content/authors/sikagz.md');
const NOW = new Date('2024-06-01T12:00:00Z');

const expectationSchema = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('rendered'),
    why: z.string().min(1),
    generated: z.literal(true).optional(),
    /** Exact pieces of the sanitized HTML that show what became of the attack. */
    htmlIncludes: z.array(z.string().min(1)).default([]),
    /** The warning the editor gets; without it the file must render without any. */
    warningIncludes: z.string().min(1).optional(),
  }),
  z.strictObject({
    outcome: z.literal('rejected'),
    why: z.string().min(1),
    generated: z.literal(true).optional(),
    /** `folder`: wrong only next to other files (a duplicate name), so the file alone parses. */
    scope: z.literal('folder').optional(),
    field: z.string().min(1).optional(),
    line: z.int().positive().optional(),
    messageIncludes: z.string().min(1),
  }),
]);
type Expectation = z.infer<typeof expectationSchema>;

const expectations = z.record(z.string(), expectationSchema).parse(JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'expectations.json'), 'utf8')));

/** Paths relative to tests/hostile/, with "/" (sub-folders hold the two files of the same name). */
const committedNames = readdirSync(HOSTILE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.split(path.sep).join('/'))
  .sort();
const names = [...committedNames, ...Object.keys(GENERATED_FIXTURES)];

const imageSize = new PhotoLibrary(path.resolve('content/images')).lookup;
let content: TempContentDir;
let index: ContentIndex;
let loader: ContentLoader;
let check: ContentCheck;

beforeAll(async () => {
  content = await createContentDir({
    'authors/sikagz.md': readFileSync(GOOD_AUTHOR),
    [`articles/${path.basename(GOOD_ARTICLE)}`]: readFileSync(GOOD_ARTICLE),
  });
  await content.write('images/meta-ia-photos-inline.png', readFileSync(SHIPPED_INLINE));
  // Bytes copied as they are: one fixture is not UTF-8 on purpose.
  for (const name of committedNames) await content.write(`articles/${name}`, readFileSync(path.join(HOSTILE_DIR, name)));
  for (const [name, generate] of Object.entries(GENERATED_FIXTURES)) await content.write(`articles/${name}`, generate());
  loader = new ContentLoader(content.root);
  index = await loader.load();
  check = await checkContent(content.root, NOW, { loader });
});

afterAll(async () => {
  await content.remove();
});

function loadedPath(name: string): string {
  return displayPath(path.join(content.root, 'articles', name));
}

function expectationOf(name: string): Expectation {
  const expectation = expectations[name];
  if (!expectation) throw new Error(`no expectation for ${name} in tests/hostile/expectations.json`);
  return expectation;
}

function sourceOf(name: string): string {
  return GENERATED_FIXTURES[name]?.() ?? readFileSync(path.join(HOSTILE_DIR, name), 'utf8');
}

function countOf(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** What a rendered article may hold: inert HTML, and plain strings with nothing the page does not show as text. */
function expectInert(article: Omit<Article, 'authors'>, body: ArticleBody): void {
  expect(activeContentIn(body.html)).toStrictEqual([]);
  // Every "<" of the plain text is one the page shows escaped, as text: markup the sanitizer dropped does not come back through search.
  expect(countOf(body.text, '<')).toBeLessThanOrEqual(countOf(body.html, '&#x3C;'));
  const plainStrings = [
    article.title,
    article.description,
    article.category,
    ...article.tags,
    article.image.src,
    article.image.alt,
    article.image.credit,
    article.image.caption ?? '',
    ...body.quotes.flatMap((quote) => [quote.text, quote.speaker, quote.source ?? '']),
    ...article.figures.flatMap((figure) => [figure.alt, figure.credit, figure.caption ?? '']),
  ];
  // Plain text is escaped wherever it is printed; without "<" it cannot even look like markup to a careless consumer.
  for (const value of plainStrings) expect(value).not.toMatch(/[<>]/);
  for (const figure of article.figures) expect(figure.src).toMatch(/^\/images\//);
  expect(article.slug).toMatch(SLUG_PATTERN);
  expect(Number.isInteger(article.wordCount)).toBe(true);
  expect(article.readingTimeMinutes).toBeGreaterThanOrEqual(1);
}

/** The error the expectation describes, and every error of the file named for an editor. */
function expectRefusal(name: string, errors: readonly ContentError[], expectation: Extract<Expectation, { outcome: 'rejected' }>): void {
  const match = errors.find((error) => error.message.includes(expectation.messageIncludes));
  expect(match, `an error containing « ${expectation.messageIncludes} » among ${JSON.stringify(errors)}`).toBeDefined();
  if (expectation.field !== undefined) expect(match?.field).toBe(expectation.field);
  if (expectation.line !== undefined) expect(match?.line).toBe(expectation.line);
  for (const error of errors) {
    expect(error.file.endsWith(name)).toBe(true);
    expect(error.hint.trim()).not.toBe('');
    // Without a field or a line, the file's name is what is wrong (its characters, or another file's): the message says it.
    if (error.field === undefined && error.line === undefined) expect(error.message).toContain(path.basename(name));
  }
}

describe('hostile content (tests/hostile/)', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    expect(Object.keys(expectations).sort()).toStrictEqual([...names].sort());
  });

  it('writes the generated fixtures at their advertised size', () => {
    expect(GENERATED_FIXTURES['body-over-a-megabyte.md']?.().length).toBeGreaterThan(MEGABYTE);
    expect(GENERATED_FIXTURES['ten-thousand-tags.md']?.()).toContain('sujet-9999');
  });

  describe.each(names)('%s', (name) => {
    const expectation = expectationOf(name);

    it(`is ${expectation.outcome} by the site's loader (${expectation.why})`, () => {
      const errors = index.errors.filter((error) => error.file === loadedPath(name));
      const warnings = index.warnings.filter((warning) => warning.file === loadedPath(name));
      const article = index.articles.find((candidate) => candidate.sourcePath === loadedPath(name));
      if (expectation.outcome === 'rejected') {
        expect(article).toBeUndefined();
        expectRefusal(name, errors, expectation);
        return;
      }
      expect(errors).toStrictEqual([]);
      if (!article) throw new Error(`${name} was not loaded`);
      const body = loader.body(article);
      expectInert(article, body);
      for (const piece of expectation.htmlIncludes) expect(body.html).toContain(piece);
      // An attack never swallows the text written after it.
      if (sourceOf(name).includes('Après le piège.')) expect(body.html).toContain('<p>Après le piège.</p>');
      if (expectation.warningIncludes === undefined) expect(warnings).toStrictEqual([]);
      else expect(warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining(expectation.warningIncludes));
    });

    it('gets the same outcome from the parser on the file alone', () => {
      const read = readUtf8File(path.join(content.root, 'articles', name));
      if (!read.ok) {
        expect(read.reason).toBe('not-utf8');
        expect(expectation).toMatchObject({ outcome: 'rejected', messageIncludes: expect.stringContaining('UTF-8') as unknown });
        return;
      }
      const result = parseArticleFile({ sourcePath: `content/articles/${name}`, text: read.text }, { photos: imageSize });
      if (expectation.outcome === 'rendered' || expectation.scope === 'folder') {
        if (!result.ok) throw new Error(`expected ${name} to parse alone, got ${JSON.stringify(result.errors)}`);
        expectInert(result.value, result.value.body);
        return;
      }
      if (result.ok) throw new Error(`expected ${name} to be refused alone`);
      expectRefusal(name, result.errors, expectation);
    });
  });

  it('loads the good article next to all of them, exactly as it loads alone', () => {
    const good = index.articles.find((article) => article.sourcePath === loadedPath(path.basename(GOOD_ARTICLE)));
    const alone = parseArticleFile({ sourcePath: 'x/mark-zuckerberg-ia-photos-facebook-instagram.md', text: readFileSync(GOOD_ARTICLE, 'utf8') }, { photos: imageSize });
    if (!good || !alone.ok) throw new Error('the good article did not load');
    expect(loader.body(good).html).toBe(alone.value.body.html);
    expect(good.authors.map((author) => author.slug)).toStrictEqual(['sikagz']);
    expect([...index.errors, ...index.warnings].filter((error) => error.file === good.sourcePath)).toStrictEqual([]);
  });

  it('gives the editors’ check every refusal, and nothing about the good article', () => {
    const refusedFiles = new Set(check.errors.map((error) => error.file));
    for (const name of names) if (expectationOf(name).outcome === 'rejected') expect(refusedFiles).toContain(loadedPath(name));
    expect(refusedFiles).not.toContain(loadedPath(path.basename(GOOD_ARTICLE)));
  });

  it('never ran front-matter code nor polluted a prototype', () => {
    for (const global of ['__kiosqueHostileJs', '__kiosqueHostileJavascript', '__kiosqueHostileYamlJs']) expect(global in globalThis).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  // No disk stores these names, but a path string can hold them: the slug check must not rely on the disk.
  it.each(['nul\0.md', '..\\..\\etc\\passwd.md', '%2e%2e.md'])('refuses the file name %j', (fileName) => {
    const result = parseArticleFile({ sourcePath: `content/articles/${fileName}`, text: buildArticleText() }, { photos: imageSize });
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('nom de fichier') as unknown }] });
  });
});
