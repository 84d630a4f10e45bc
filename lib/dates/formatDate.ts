import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { fr } from 'date-fns/locale';

/** The newsroom's clock: every date a reader sees is Paris time, whatever the server's zone. */
export const SITE_TIME_ZONE = 'Europe/Paris';

const inParis = tz(SITE_TIME_ZONE);

/** "6 février 2024 à 16:17"; French writes the first of the month "1er". */
export function formatDateTimeFr(date: Date): string {
  return `${formatDateFr(date)} à ${formatTimeFr(date)}`;
}

/** "16:17", Paris time. */
export function formatTimeFr(date: Date): string {
  return format(date, 'HH:mm', { in: inParis });
}

/** "6 février 2024". */
export function formatDateFr(date: Date): string {
  const day = format(date, 'd', { in: inParis });
  const monthAndYear = format(date, 'MMMM yyyy', { locale: fr, in: inParis });
  return `${day === '1' ? '1er' : day} ${monthAndYear}`;
}

/** `2024-02-06T16:17:00+01:00`: the instant with Paris's offset at that moment. */
export function formatIsoInSiteTimeZone(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm:ssxxx", { in: inParis });
}
