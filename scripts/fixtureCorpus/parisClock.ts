/** Paris time from the time-zone database alone, not from lib/dates/: generate.ts says why. */

/** A Paris wall-clock time, as an editor writes it. */
export interface WallClock {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const OFFSET_NAME = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** Paris's UTC offset at an instant: `+01:00` or `+02:00`. */
export function parisOffsetAt(epoch: number): string {
  const name = OFFSET_NAME.formatToParts(epoch).find((part) => part.type === 'timeZoneName')?.value;
  return name === undefined || name === 'GMT' ? '+00:00' : name.slice(3);
}

export function offsetMs(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** `2024-02-06T16:17:00` (Paris) and its offset, for an instant. */
export function parisWallClock(epoch: number): { wall: string; offset: string } {
  const offset = parisOffsetAt(epoch);
  return { wall: new Date(epoch + offsetMs(offset)).toISOString().slice(0, 19), offset };
}

/** `2024-02-07 09:10`: an instant in Paris wall-clock time, as an editor writes a live entry's heading. */
export function liveHeadingTime(epoch: number): string {
  return parisWallClock(epoch).wall.slice(0, 16).replace('T', ' ');
}

/** The instant a Paris wall-clock time names; a time the spring change skips is refused. */
export function parisInstant({ year, month, day, hour, minute }: WallClock): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at a guess an hour off can be the other side of a change: a second look settles it.
  const guess = asUtc - offsetMs(parisOffsetAt(asUtc));
  const epoch = asUtc - offsetMs(parisOffsetAt(guess));
  const asked = new Date(asUtc).toISOString().slice(0, 19);
  if (parisWallClock(epoch).wall !== asked) throw new Error(`${asked} never happened in Paris (the clocks skipped it)`);
  return epoch;
}

/** `days` after `wall`'s date (month and year carried), at `hour`:`minute`. */
export function daysLater(wall: WallClock, days: number, hour: number, minute: number): WallClock {
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute };
}
