import { z } from 'zod';
import type { ContentError } from '../contentError';
import { FIELD_EXAMPLES } from './frontMatterSchema';
import { nearestName } from '../../nearestName';
import { valueAt, type FrontMatter } from './parseFrontMatter';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'du texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'une liste de champs en retrait',
};

/** Turns schema issues into errors an editor can act on: which field, at which line, what to write. */
export function describeSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  frontMatter: FrontMatter,
  schema: z.ZodType,
): ContentError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          file,
          ...frontMatter.locate(path),
          field: path.join('.'),
          message: `champ inconnu « ${key} »`,
          hint: unknownFieldHint(key, fieldNamesAt(schema, issue.path)),
        };
      });
    }
    const field = issue.path.map(String).join('.');
    const value = valueAt(frontMatter.data, issue.path);
    const { message, hint } = explain(issue, field, value);
    return [{ file, ...frontMatter.locate(issue.path), field, message, hint }];
  });
}

function explain(issue: z.core.$ZodIssue, field: string, value: unknown): { message: string; hint: string } {
  // `tags.0` and `corrections.1.date` take the example of `tags` and `corrections.date`.
  const example = FIELD_EXAMPLES[field] ?? FIELD_EXAMPLES[field.replace(/\.\d+(?=\.|$)/g, '')];
  const write = example ? `écrivez par exemple « ${example} »` : 'corrigez la valeur';
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { message: 'champ obligatoire manquant', hint: `ajoutez-le, par exemple « ${example ?? field} »` };
      return {
        message: `attendu ${TYPE_NAMES[issue.expected] ?? issue.expected}, trouvé ${describeValue(value)}`,
        hint: issue.expected === 'string' ? `mettez la valeur entre guillemets ; ${write}` : write,
      };
    case 'too_small':
      return issue.origin === 'string'
        ? { message: 'valeur vide', hint: write }
        : { message: `valeur trop petite (minimum ${String(issue.minimum)})`, hint: write };
    case 'too_big':
      return issue.origin === 'string'
        ? { message: `texte trop long (${String(issue.maximum)} caractères au plus)`, hint: 'raccourcissez-le' }
        : { message: `trop grand (${String(issue.maximum)} au plus)`, hint: write };
    case 'invalid_value':
      return { message: `valeur non prévue : ${describeValue(value)}`, hint: write };
    case 'invalid_format':
      return { message: `forme invalide : ${describeValue(value)}`, hint: write };
    case 'custom': {
      const params: Record<string, unknown> = issue.params ?? {};
      return { message: issue.message, hint: typeof params.hint === 'string' ? params.hint : write };
    }
    default:
      return { message: issue.message, hint: write };
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'une valeur vide';
  if (Array.isArray(value)) return 'une liste';
  if (typeof value === 'object') return 'des champs en retrait';
  if (typeof value === 'number') return `le nombre ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `« ${value} »`;
  return 'une valeur illisible';
}

/** Suggests the nearest known field name, since most unknown keys are typos (`titel`). */
function unknownFieldHint(key: string, siblings: readonly string[]): string {
  const nearest = nearestName(key, siblings);
  if (nearest) return `vouliez-vous dire « ${nearest} » ?`;
  return `retirez-le ; champs possibles : ${siblings.join(', ')}`;
}

function fieldNamesAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of path) {
    if (!(current instanceof z.ZodObject)) return [];
    current = current.shape[String(segment)];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
