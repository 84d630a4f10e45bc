import type { DateWithOffset } from '@/lib/dates/parseDateTime';
import { formatDateTimeFr } from '@/lib/dates/formatDate';

/** A machine-readable `<time>` showing Paris time in French, e.g. "Le 6 février 2024 à 16:17". */
export function PublishedTime({ value, prefix }: { value: DateWithOffset; prefix: string }) {
  return (
    <time dateTime={value.iso}>
      {prefix} {formatDateTimeFr(value.date)}
    </time>
  );
}
