import { describe, expect, it } from 'vitest';
import type { ContentError } from '../contentError';
import { checkSummary, formatCheckReport } from './checkReport';

const problem = (file: string): ContentError => ({ file, line: 3, column: 1, message: 'quelque chose', hint: 'corrigez' });

describe('checkSummary', () => {
  it.each([
    [0, 0, 1, 'aucune erreur, aucun avertissement dans 1 fichier'],
    [1, 1, 2, '1 erreur, 1 avertissement dans 2 fichiers'],
    [2, 1, 14, '2 erreurs, 1 avertissement dans 14 fichiers'],
    [0, 3, 0, 'aucune erreur, 3 avertissements dans 0 fichier'],
  ])('%i errors, %i warnings, %i files → %j', (errorCount, warningCount, fileCount, summary) => {
    const errors = Array.from({ length: errorCount }, () => problem('a.md'));
    const warnings = Array.from({ length: warningCount }, () => problem('b.md'));
    expect(checkSummary({ errors, warnings, fileCount })).toBe(summary);
  });
});

describe('formatCheckReport', () => {
  it('lists errors, then warnings, then the summary', () => {
    expect(formatCheckReport({ errors: [problem('b.md')], warnings: [problem('a.md')], fileCount: 2 })).toStrictEqual([
      'b.md:3:1  quelque chose  (corrigez)',
      'a.md:3:1  avertissement : quelque chose  (corrigez)',
      '1 erreur, 1 avertissement dans 2 fichiers',
    ]);
  });
});
