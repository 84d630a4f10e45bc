import { TZDate } from '@date-fns/tz';
import { SITE_TIME_ZONE, formatIsoInSiteTimeZone } from './formatDate';

/** An instant together with the ISO 8601 text that names it, offset included. */
export interface DateWithOffset {
  date: Date;
  /** `2024-02-06T16:17:00+01:00`: the offset the editor wrote, or Paris's when none was written. */
  iso: string;
}

export type DateParseResult = { ok: true; value: DateWithOffset } | { ok: false; message: string; hint: string };

const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

const EXAMPLE = '2024-02-06T16:17:00+01:00, ou 2024-02-06 16:17 pour l’heure de Paris';

/**
 * Reads a date as an editor wrote it, strictly: `2024-02-30` is an error, not
 * 1 March, and a written offset is kept. A date without offset is Paris time,
 * the newsroom's clock, whatever the server's time zone.
 */
export function parseDateTime(text: string): DateParseResult {
  const match = DATE_TIME_PATTERN.exec(text.trim());
  if (!match) {
    return { ok: false, message: `date illisible « ${text} »`, hint: `écrivez-la au format ${EXAMPLE}` };
  }
  const [, yearText, monthText, dayText, hourText = '00', minuteText = '00', secondText = '00', offset] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText);

  // A news site has no business before the press or centuries ahead; this also
  // catches "0024", which JavaScript would quietly read as 1924.
  if (year < 1900 || year > 2200) {
    return { ok: false, message: `année improbable dans « ${text} »`, hint: 'écrivez l’année sur quatre chiffres, par exemple 2024' };
  }
  if (month < 1 || month > 12) {
    return { ok: false, message: `mois impossible dans « ${text} »`, hint: 'le mois va de 01 à 12' };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      ok: false,
      message: `date impossible « ${text} » : ce mois n’a que ${daysInMonth} jours`,
      hint: 'vérifiez le jour et le mois',
    };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: `heure impossible dans « ${text} »`, hint: 'l’heure va de 00:00 à 23:59' };
  }

  const wallClock = `${yearText}-${monthText}-${dayText}T${hourText}:${minuteText}:${secondText}`;
  if (offset !== undefined) {
    const offsetMinutes = parseOffsetMinutes(offset);
    if (offsetMinutes === undefined) {
      return { ok: false, message: `décalage horaire impossible « ${offset} »`, hint: 'écrivez +01:00 (hiver) ou +02:00 (été) pour Paris' };
    }
    const epoch = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
    return { ok: true, value: { date: new Date(epoch), iso: `${wallClock}${offset}` } };
  }

  const parisTime = new TZDate(year, month - 1, day, hour, minute, second, SITE_TIME_ZONE);
  // In the spring-forward hour (e.g. 31 March 2024, 02:30) the wall-clock time never
  // happened in Paris; TZDate silently moves it, so compare what we asked for.
  if (parisTime.getHours() !== hour || parisTime.getMinutes() !== minute) {
    return {
      ok: false,
      message: `l’heure « ${text} » n’existe pas à Paris (passage à l’heure d’été)`,
      hint: 'choisissez une heure avant ou après le changement d’heure, ou écrivez le décalage (+01:00 / +02:00)',
    };
  }
  const date = new Date(parisTime.getTime());
  return { ok: true, value: { date, iso: formatIsoInSiteTimeZone(date) } };
}

function parseOffsetMinutes(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}
