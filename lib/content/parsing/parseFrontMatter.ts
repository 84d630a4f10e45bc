import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** A 1-based position in the content file. */
export interface FilePosition {
  line: number;
  column: number;
}

export interface FrontMatter {
  /** The YAML data, every scalar but numbers, booleans and null left as a string. */
  data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  body: string;
  /** File line on which the body starts, to report body problems at the right line. */
  bodyStartLine: number;
  /** Where a field is written, or its nearest written ancestor (the opening line when none). */
  locate(path: readonly PropertyKey[]): FilePosition;
}

export type FrontMatterResult =
  | { ok: true; frontMatter: FrontMatter }
  | { ok: false; position: FilePosition; field?: string; message: string; hint: string };

const OPENING_LINE = /^---[^\S\r\n]*\r?\n/;
const CLOSING_LINE = /\r?\n---[^\S\r\n]*(\r?\n|$)/;
// Front matter has no business with aliases; a handful is generous, and the cap stops
// "billion laughs" documents from expanding exponentially.
const MAX_YAML_ALIASES = 20;
// Every field at its longest (30 tags, 50 former slugs…) stays under 10,000 characters.
// The cap comes before parsing: the YAML parser's duplicate-key check is quadratic,
// and 50,000 made-up keys would hold the build for seconds.
export const MAX_FRONT_MATTER_LENGTH = 32_000;

/** The value at `path` in parsed front matter (`['corrections', 0, 'date']`), undefined where the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function refuseEngine(): never {
  throw new Error('Seul le YAML est accepté en front matter.');
}

/**
 * Splits a content file into its YAML front matter and Markdown body.
 *
 * gray-matter would evaluate a `---js` block with `eval`, and its default YAML
 * schema rewrites `2024-02-30` as 1 March, so: the opening line must be a bare
 * `---` (checked before gray-matter sees the text), every code-running engine is
 * replaced, and YAML is read with the core schema, which leaves dates as text.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const start = { line: 1, column: 1 };

  if (!OPENING_LINE.test(source)) {
    const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine.startsWith('---')) {
      return {
        ok: false,
        position: start,
        message: `en-tête « ${firstLine.trim()} » refusé : le front matter doit être du YAML`,
        hint: 'commencez le fichier par une ligne « --- » seule, sans langage après les tirets',
      };
    }
    return {
      ok: false,
      position: start,
      message: 'front matter absent',
      hint: 'commencez le fichier par une ligne « --- », les champs (title, description…), puis une ligne « --- »',
    };
  }
  if (!CLOSING_LINE.test(source.slice(3))) {
    return {
      ok: false,
      position: start,
      message: 'front matter jamais refermé',
      hint: 'ajoutez une ligne « --- » seule après le dernier champ',
    };
  }

  let document: Document | undefined;
  const lineCounter = new LineCounter();
  let yamlFailure: { position: FilePosition; field?: string; message: string; hint: string } | undefined;

  const readYaml = (yamlText: string): object => {
    if (yamlText.length > MAX_FRONT_MATTER_LENGTH) {
      yamlFailure = {
        position: { line: countLines(yamlText.slice(0, MAX_FRONT_MATTER_LENGTH)), column: 1 },
        message: `front matter trop long : il dépasse ${MAX_FRONT_MATTER_LENGTH.toLocaleString('fr-FR')} caractères à cette ligne`,
        hint: 'un article n’a besoin que de quelques champs courts : cherchez autour de cette ligne un texte collé par erreur ou une liste démesurée',
      };
      return {};
    }
    // gray-matter ends the YAML at "\n---", which leaves the "\r" of a CRLF file on the last field.
    document = parseDocument(yamlText.replace(/\r$/, ''), { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
    const [firstError] = document.errors;
    if (firstError) {
      // `linePos` is only filled in with prettyErrors, so locate the error from its offset.
      const where = lineCounter.linePos(firstError.pos[0]);
      yamlFailure = {
        position: { line: where.line, column: where.col },
        message: `YAML illisible : ${firstError.message.split('\n')[0]}`,
        hint: 'vérifiez l’indentation, et mettez entre guillemets les valeurs qui contiennent « : » ou « # »',
      };
      return {};
    }
    const tagged = findExplicitTag(document);
    if (tagged) {
      const where = lineCounter.linePos(startOfTag(yamlText, tagged.offset));
      yamlFailure = {
        position: { line: where.line, column: where.col },
        ...(tagged.field ? { field: tagged.field } : {}),
        message: `étiquette YAML « ${tagged.tag} » refusée`,
        hint: `retirez « ${tagged.tag} » : une valeur s’écrit telle quelle, texte entre guillemets, nombre, true ou false, ou liste`,
      };
      return {};
    }
    try {
      const value: unknown = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      if (isRecord(value)) return value;
      yamlFailure = {
        position: { line: 2, column: 1 },
        message: 'le front matter doit être une liste de champs « nom: valeur »',
        hint: 'écrivez un champ par ligne, par exemple « title: "Titre" »',
      };
      return {};
    } catch {
      yamlFailure = {
        position: start,
        message: 'YAML refusé : trop d’alias (&ancre / *alias)',
        hint: 'écrivez les valeurs en toutes lettres, sans ancres ni alias',
      };
      return {};
    }
  };

  // Options on every call: without them gray-matter returns a cached object shared between calls.
  const parsed = matter(source, {
    language: 'yaml',
    engines: {
      yaml: readYaml,
      javascript: refuseEngine,
      js: refuseEngine,
      coffee: refuseEngine,
      json: refuseEngine,
    },
  });
  if (yamlFailure) return { ok: false, ...yamlFailure };

  const data: unknown = parsed.data;
  if (!isRecord(data)) {
    return { ok: false, position: start, message: 'front matter illisible', hint: 'écrivez un champ par ligne, par exemple « title: "Titre" »' };
  }

  const bodyOffset = source.length - parsed.content.length;
  const bodyStartLine = countLines(source.slice(0, bodyOffset));
  const writtenDocument = document;

  return {
    ok: true,
    frontMatter: {
      data,
      body: parsed.content,
      bodyStartLine,
      locate: (path) => (writtenDocument ? locateInDocument(writtenDocument, lineCounter, path) : start),
    },
  };
}

/**
 * The first `!tag` written in the document. The core schema never runs code for a
 * tag, but it reads an unknown one (`!!js/function`, `!!python/object`) as plain
 * text or a list, and a known one (`!!binary`, `!!set`) as something no field
 * expects: either way the editor did not mean what they get, so tags are refused.
 */
function findExplicitTag(document: Document): { tag: string; field: string; offset: number } | undefined {
  let found: { tag: string; field: string; offset: number } | undefined;
  visit(document, {
    Node(_, node, ancestors) {
      if (node.tag === undefined || !node.range) return undefined;
      const field = ancestors
        .filter(isPair)
        .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'))
        .join('.');
      found = { tag: node.tag.replace(/^tag:yaml\.org,2002:/, '!!'), field, offset: node.range[0] };
      return visit.BREAK;
    },
  });
  return found;
}

/** The node's range starts at its value: step back over the tag written before it. */
function startOfTag(yamlText: string, valueOffset: number): number {
  let start = yamlText.lastIndexOf('!', valueOffset);
  while (start > 0 && !/\s|[[{,]/.test(yamlText.charAt(start - 1))) start -= 1;
  return Math.max(start, 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countLines(text: string): number {
  let lines = 1;
  for (const character of text) if (character === '\n') lines += 1;
  return lines;
}

/**
 * Walks down the YAML tree as far as the path is written. gray-matter hands the
 * YAML over from the end of the opening `---` (its line break included), so YAML
 * line numbers are already file line numbers.
 */
function locateInDocument(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): FilePosition {
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!item) break;
      if (isScalar(item) && item.range) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
