import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentError } from '../contentError';
import { PhotoLibrary } from '../../images/photoLibrary';
import { buildArticleText, lineStartingWith } from '../testing/buildContentFile';
import { reviveDates } from '../index/persistentCache';
import { lastChange } from '../index/publication';
import { parseArticleFile, type ParsedArticle } from './parseArticleFile';

const photos = new PhotoLibrary(path.resolve('content/images')).lookup;
const SOURCE_PATH = 'content/articles/direct.md';
/** The default article is published on 6 February 2024 at 16:17, Paris time. */
const LIVE = { live: true };

const BODY = [
  '',
  'Suivez avec nous la présentation des résultats de Meta.',
  '',
  '## 16:30 Les résultats tombent',
  '',
  'Le chiffre d’affaires progresse de 25 %.',
  '',
  '### Dans le détail',
  '',
  'La publicité porte la croissance.',
  '',
  '## 17h05 [essentiel] Mark Zuckerberg annonce Llama 3',
  '',
  'Le modèle sera entraîné sur les photos publiques.',
  '',
  '## 2024-02-07 09:10 Le lendemain, la Bourse salue',
  '',
  'L’action gagne 14 % à l’ouverture.',
  '',
  '## 09:45 Les réactions',
  '',
  'Les associations protestent.',
  '',
].join('\n');

function parse(text: string) {
  return parseArticleFile({ sourcePath: SOURCE_PATH, text }, { photos });
}

function parsed(text: string): ParsedArticle {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected an article, got: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(text: string): ContentError[] {
  const result = parse(text);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseArticleFile on live coverage', () => {
  const text = buildArticleText({ ...LIVE, liveUntil: '2024-02-07 20:00' }, BODY);
  const article = parsed(text);

  it('lists the entries newest first, a time alone taking the day of the dated entry above it', () => {
    expect(article.live?.entries.map((entry) => [entry.id, entry.date.iso, entry.title, entry.key])).toStrictEqual([
      ['direct-2024-02-07-0945', '2024-02-07T09:45:00+01:00', 'Les réactions', false],
      ['direct-2024-02-07-0910', '2024-02-07T09:10:00+01:00', 'Le lendemain, la Bourse salue', false],
      ['direct-2024-02-06-1705', '2024-02-06T17:05:00+01:00', 'Mark Zuckerberg annonce Llama 3', true],
      ['direct-2024-02-06-1630', '2024-02-06T16:30:00+01:00', 'Les résultats tombent', false],
    ]);
    expect(article.live?.until?.iso).toBe('2024-02-07T20:00:00+01:00');
  });

  it('cuts the body at the entries: the introduction apart, each entry with its own HTML and no heading of its time', () => {
    const live = article.body.live;
    expect(live?.intro).toBe('<p>Suivez avec nous la présentation des résultats de Meta.</p>');
    expect(live?.entries.map((entry) => entry.id)).toStrictEqual(['direct-2024-02-06-1630', 'direct-2024-02-06-1705', 'direct-2024-02-07-0910', 'direct-2024-02-07-0945']);
    expect(live?.entries[0]?.html).toBe('<p>Le chiffre d’affaires progresse de 25\u00A0%.</p>\n<h3>Dans le détail</h3>\n<p>La publicité porte la croissance.</p>');
    expect(live?.entries.map((entry) => entry.html).join('')).not.toMatch(/16:30|\[essentiel\]/);
  });

  it('gives feeds the whole coverage in one piece, newest first, each entry under its time', () => {
    const sections = [...article.body.html.matchAll(/<section id="([^"]+)"><h2><time datetime="([^"]+)">([^<]+)<\/time> ([^<]+)<\/h2>/g)].map(([, id, iso, label, title]) => [id, iso, label, title]);
    expect(sections).toStrictEqual([
      ['direct-2024-02-07-0945', '2024-02-07T09:45:00+01:00', '7 février 2024 à 09:45', 'Les réactions'],
      ['direct-2024-02-07-0910', '2024-02-07T09:10:00+01:00', '7 février 2024 à 09:10', 'Le lendemain, la Bourse salue'],
      ['direct-2024-02-06-1705', '2024-02-06T17:05:00+01:00', '17:05', 'Mark Zuckerberg annonce Llama 3'],
      ['direct-2024-02-06-1630', '2024-02-06T16:30:00+01:00', '16:30', 'Les résultats tombent'],
    ]);
    expect(article.body.html.startsWith('<p>Suivez avec nous')).toBe(true);
  });

  it('dates the article’s last change at its newest entry', () => {
    expect(lastChange(article).iso).toBe('2024-02-07T09:45:00+01:00');
  });

  it('numbers the anchors of entries written at the same minute, the lower one being the newer', () => {
    const same = parsed(buildArticleText(LIVE, '\n## 16:30 Premier\n\nUn.\n\n## 16:30 Second\n\nDeux.\n'));
    expect(same.live?.entries.map((entry) => [entry.id, entry.title])).toStrictEqual([
      ['direct-2024-02-06-1630-2', 'Second'],
      ['direct-2024-02-06-1630', 'Premier'],
    ]);
  });

  it('escapes an entry title in the feeds’ HTML, and applies French spacing to it', () => {
    const escaped = parsed(buildArticleText(LIVE, '\n## 16:30 Le `<script>` du jour: attention\n\nTexte.\n'));
    expect(escaped.live?.entries[0]?.title).toBe('Le <script> du jour\u202F: attention');
    expect(escaped.body.html).toContain('16:30</time> Le &lt;script&gt; du jour\u202F: attention</h2>');
  });

  it('keeps dates through the disk cache’s JSON', () => {
    const revived = reviveDates({ ok: true, value: JSON.parse(JSON.stringify(article)) as ParsedArticle, warnings: [] });
    if (!revived.ok) throw new Error('expected an article');
    expect(revived.value.live?.entries[0]?.date.date.getTime()).toBe(article.live?.entries[0]?.date.date.getTime());
    expect(revived.value.live?.until?.date).toBeInstanceOf(Date);
  });

  it('leaves a live article without entries yet, with its introduction only', () => {
    const opening = parsed(buildArticleText(LIVE, '\nLe direct commence à 17 heures.\n'));
    expect(opening.live).toStrictEqual({ entries: [] });
    expect(opening.body.live?.intro).toBe('<p>Le direct commence à 17 heures.</p>');
  });

  it('reads ## headings of an article that is not live as headings', () => {
    const plain = parsed(buildArticleText({}, '\n## 16:30 Les résultats\n\nTexte.\n'));
    expect(plain.live).toBeUndefined();
    expect(plain.body.live).toBeUndefined();
    expect(plain.body.html).toContain('<h2>16:30 Les résultats</h2>');
  });

  it('takes an entry written with # or underlined (=== or ---) as one written with ##: a # heading is an intertitle on the page', () => {
    const body = '\n# 16:30 Premier\n\nUn.\n\n## 16:45 Deuxième\n\nDeux.\n\n17:00 Troisième\n===\n\nTrois.\n\n17:15 Quatrième\n---\n\nQuatre.\n';
    const result = parse(buildArticleText(LIVE, body));
    if (!result.ok) throw new Error('expected an article');
    expect(result.warnings).toStrictEqual([]);
    expect(result.value.live?.entries.map((entry) => [entry.id, entry.title])).toStrictEqual([
      ['direct-2024-02-06-1715', 'Quatrième'],
      ['direct-2024-02-06-1700', 'Troisième'],
      ['direct-2024-02-06-1645', 'Deuxième'],
      ['direct-2024-02-06-1630', 'Premier'],
    ]);
  });

  it('warns of a # heading without a time as of a ## one', () => {
    const text = buildArticleText(LIVE, '\n# 16:30 Entrée\n\nUn.\n\n# Contexte\n\nDeux.\n');
    const result = parse(text);
    if (!result.ok) throw new Error('expected an article');
    expect(result.value.live?.entries).toHaveLength(1);
    expect(result.warnings).toStrictEqual([expect.objectContaining({ line: lineStartingWith(text, '# Contexte'), message: expect.stringContaining('sans heure') as unknown })]);
  });

  it('warns of a level-2 heading without a time, which stays in the entry above', () => {
    const text = buildArticleText(LIVE, '\n## 16:30 Entrée\n\nUn.\n\n## Contexte\n\nDeux.\n');
    const result = parse(text);
    if (!result.ok) throw new Error('expected an article');
    expect(result.value.live?.entries).toHaveLength(1);
    expect(result.value.body.live?.entries[0]?.html).toContain('<h2>Contexte</h2>');
    expect(result.warnings).toStrictEqual([expect.objectContaining({ file: SOURCE_PATH, line: lineStartingWith(text, '## Contexte'), message: expect.stringContaining('sans heure') as unknown })]);
  });
});

describe('parseArticleFile refuses', () => {
  it.each([
    ['an entry before the publication', '\n## 15:00 Trop tôt\n\nTexte.\n', '## 15:00', 'avant la publication'],
    ['an impossible time', '\n## 25:10 Jamais\n\nTexte.\n', '## 25:10', 'heure impossible'],
    ['an impossible date', '\n## 2024-02-30 10:00 Jamais\n\nTexte.\n', '## 2024-02-30', 'date impossible'],
    ['an entry without a title', '\n## 16:45\n\nTexte.\n', '## 16:45', 'sans titre'],
    ['a key entry without a title', '\n## 16:45 [essentiel]\n\nTexte.\n', '## 16:45', 'sans titre'],
  ])('%s, at its line', (_name, body, start, message) => {
    const text = buildArticleText(LIVE, body);
    expect(errorsOf(text)).toStrictEqual([expect.objectContaining({ file: SOURCE_PATH, line: lineStartingWith(text, start), message: expect.stringContaining(message) as unknown })]);
  });

  it.each([
    ['liveUntil without live', { liveUntil: '2024-02-07 20:00' }, 'liveUntil sans live: true'],
    ['an end before the publication', { live: true, liveUntil: '2024-02-06 10:00' }, 'fin du direct avant sa publication'],
  ])('%s, at the field', (_name, fields, message) => {
    const text = buildArticleText(fields);
    expect(errorsOf(text)).toStrictEqual([expect.objectContaining({ field: 'liveUntil', line: lineStartingWith(text, 'liveUntil:'), message })]);
  });
});
