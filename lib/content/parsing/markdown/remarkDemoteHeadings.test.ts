import { describe, expect, it } from 'vitest';
import { stubPhotoLookup } from '../../testing/stubPhotoLookup';
import { renderMarkdown } from './renderMarkdown';

function headings(markdown: string): string[] {
  const { html } = renderMarkdown(markdown, { photos: stubPhotoLookup({}) });
  return [...html.matchAll(/<(h\d)>([^<]*)<\/h\d>/g)].map(([, tag = '', text = '']) => `${tag} ${text}`);
}

describe('remarkDemoteHeadings', () => {
  it('moves every heading down a level when the body uses #, since the title is the only h1', () => {
    expect(headings('# Titre\n\nTexte.\n\n## Sous-titre\n\n### Détail\n')).toStrictEqual(['h2 Titre', 'h3 Sous-titre', 'h4 Détail']);
  });

  it('keeps h6 as the deepest level', () => {
    expect(headings('# Haut\n\n###### Bas\n')).toStrictEqual(['h2 Haut', 'h6 Bas']);
  });

  it('leaves headings alone when the body already starts at ##', () => {
    expect(headings('## Partie\n\n### Détail\n')).toStrictEqual(['h2 Partie', 'h3 Détail']);
  });

  it('demotes headings underlined with === and --- as it demotes # and ##', () => {
    expect(headings('Titre\n=====\n\nTexte.\n\nSous-titre\n----------\n')).toStrictEqual(headings('# Titre\n\nTexte.\n\n## Sous-titre\n'));
  });
});
