import type { Correction } from '@/lib/content/article';
import { formatDateTimeFr } from '@/lib/dates/formatDate';
import { NARROW_NO_BREAK_SPACE } from '@/lib/typography/frenchSpacing';

/** The article's public corrections, newest first: « Rectificatif du 7 février 2024 à 10:00 : … ». */
export function CorrectionList({ corrections }: { corrections: readonly Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <section className="corrections" aria-labelledby="rectificatifs">
      <h2 id="rectificatifs">{corrections.length > 1 ? 'Rectificatifs' : 'Rectificatif'}</h2>
      <ul>
        {corrections.map((correction) => (
          <li key={`${correction.date.iso}${correction.text}`}>
            <strong>
              Rectificatif du <time dateTime={correction.date.iso}>{formatDateTimeFr(correction.date.date)}</time>
            </strong>
            {`${NARROW_NO_BREAK_SPACE}: ${correction.text}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
