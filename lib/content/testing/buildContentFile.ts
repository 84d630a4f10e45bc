import { stringify } from 'yaml';

const DEFAULT_HERO_IMAGE: Readonly<Record<string, unknown>> = {
  src: '/images/meta-ia-photos-hero.png',
  alt: 'Une grille de photos reliée à un réseau de neurones',
  credit: '© GettyImages',
};

/** A valid article's front matter; tests override only the fields they are about. */
const DEFAULT_ARTICLE_FIELDS: Readonly<Record<string, unknown>> = {
  title: 'Pour entraîner son IA, Mark Zuckerberg utilise vos photos',
  description: 'Ce jeudi 1er février, Mark Zuckerberg a présenté les résultats de Meta.',
  publishedAt: '2024-02-06T16:17:00+01:00',
  author: 'sikagz',
  category: 'Actualité',
  tags: ['Meta', 'IA', 'Facebook'],
  image: DEFAULT_HERO_IMAGE,
};

const DEFAULT_ARTICLE_BODY = '\nCes derniers mois, les différentes IA ont retourné la Toile.\n';

const DEFAULT_AUTHOR_FIELDS: Readonly<Record<string, unknown>> = {
  name: 'Sikagz',
  bio: 'Rédacteur chez Gentsu, Sikagz suit l’actualité du rap français.',
};

const DEFAULT_DOSSIER_FIELDS: Readonly<Record<string, unknown>> = {
  title: 'L’IA et nos données',
  description: 'Comment les géants du numérique entraînent leurs modèles sur ce que nous publions.',
};

/** The default hero image with some fields changed; a field set to undefined is removed. */
export function buildHeroImage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return withoutUndefined({ ...DEFAULT_HERO_IMAGE, ...overrides });
}

/** The text of a valid article file, with some fields changed; a field set to undefined is removed. */
export function buildArticleText(overrides: Record<string, unknown> = {}, body = DEFAULT_ARTICLE_BODY): string {
  return buildContentText({ ...DEFAULT_ARTICLE_FIELDS, ...overrides }, body);
}

/** The text of a valid author file, with some fields changed; a field set to undefined is removed. */
export function buildAuthorText(overrides: Record<string, unknown> = {}, body = ''): string {
  return buildContentText({ ...DEFAULT_AUTHOR_FIELDS, ...overrides }, body);
}

/** The text of a valid dossier file, with some fields changed; a field set to undefined is removed. */
export function buildDossierText(overrides: Record<string, unknown> = {}, body = ''): string {
  return buildContentText({ ...DEFAULT_DOSSIER_FIELDS, ...overrides }, body);
}

/** `---`, the fields as YAML (one per line), `---`, then the body. */
export function buildContentText(fields: Record<string, unknown>, body = ''): string {
  return `---\n${stringify(withoutUndefined(fields), { lineWidth: 0 })}---\n${body}`;
}

/** The 1-based line of the first line of `text` that starts with `start`, to check reported lines. */
export function lineStartingWith(text: string, start: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(start));
  if (index === -1) throw new Error(`no line starts with ${JSON.stringify(start)}`);
  return index + 1;
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
