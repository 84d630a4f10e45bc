import type { ContentCheck } from './checkContent';
import { formatContentError, formatContentWarning } from '../contentError';

/** What `npm run content:check` prints: errors, then warnings, then one summary line. */
export function formatCheckReport(check: ContentCheck): string[] {
  return [...check.errors.map(formatContentError), ...check.warnings.map(formatContentWarning), checkSummary(check)];
}

/** "2 erreurs, 1 avertissement dans 14 fichiers"; French puts 0 and 1 in the singular. */
export function checkSummary({ errors, warnings, fileCount }: ContentCheck): string {
  const errorCount = errors.length === 0 ? 'aucune erreur' : countOf(errors.length, 'erreur');
  const warningCount = warnings.length === 0 ? 'aucun avertissement' : countOf(warnings.length, 'avertissement');
  return `${errorCount}, ${warningCount} dans ${countOf(fileCount, 'fichier')}`;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count > 1 ? 's' : ''}`;
}
