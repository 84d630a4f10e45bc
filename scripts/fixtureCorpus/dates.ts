import { daysLater, parisInstant, parisOffsetAt, parisWallClock, type WallClock } from './parisClock';
import type { Random } from './random';
import { CORRECTION_TEXTS } from './tables';

/** An instant, and how the front matter writes it. */
export interface Moment {
  epoch: number;
  text: string;
}

/** A drawn archive date: a Paris wall-clock time, written with its offset or without (both forms are accepted). */
export interface DrawnMoment extends Moment {
  wall: WallClock;
  withOffset: boolean;
}

export interface Correction {
  date: DrawnMoment;
  text: string;
}

const two = (number: number): string => String(number).padStart(2, '0');

function drawnMoment(wall: WallClock, withOffset: boolean): DrawnMoment {
  const epoch = parisInstant(wall);
  const date = `${wall.year}-${two(wall.month)}-${two(wall.day)}`;
  const time = `${two(wall.hour)}:${two(wall.minute)}`;
  return { wall, withOffset, epoch, text: withOffset ? `${date}T${time}:00${parisOffsetAt(epoch)}` : `${date} ${time}` };
}

/** A time in `month` (YYYY-MM) that no other article has, since tests sort by it; between 07:00 and 21:55, clear of the night's clock changes. */
export function drawPublishedAt(random: Random, month: string, takenEpochs: Set<number>): DrawnMoment {
  const [year = 0, monthNumber = 0] = month.split('-').map(Number);
  for (;;) {
    const wall = { year, month: monthNumber, day: random.integer(1, 28), hour: random.integer(7, 21), minute: 5 * random.integer(0, 11) };
    const moment = drawnMoment(wall, random.chance(0.5));
    if (!takenEpochs.has(moment.epoch)) {
      takenEpochs.add(moment.epoch);
      return moment;
    }
  }
}

/** An update a few hours later, or the next morning when that would pass midnight. */
export function drawUpdatedAt(random: Random, published: DrawnMoment): DrawnMoment {
  const { wall, withOffset } = published;
  const hour = wall.hour + random.integer(1, 5);
  if (hour <= 23) return drawnMoment({ ...wall, hour, minute: 5 * random.integer(0, 11) }, withOffset);
  const nextHour = random.integer(8, 10);
  return drawnMoment(daysLater(wall, 1, nextHour, 5 * random.integer(0, 11)), withOffset);
}

/**
 * Every tenth archive article carries public corrections (`corrections:`), every
 * twentieth two: the next morning and two days later, written like its
 * publication date. By position, not drawn: the rest of the corpus stays.
 */
export function correctionsFor(index: number, published: DrawnMoment): Correction[] {
  if (index % 10 !== 7) return [];
  const [first, second] = CORRECTION_TEXTS;
  const corrections = [{ date: drawnMoment(daysLater(published.wall, 1, 9, 15), published.withOffset), text: first }];
  if (index % 20 === 7) corrections.push({ date: drawnMoment(daysLater(published.wall, 2, 11, 40), published.withOffset), text: second });
  return corrections;
}

/** `hoursAgo` before `now`, on a five-minute mark, written in Paris time with its offset. */
export function momentHoursAgo(now: Date, hoursAgo: number): Moment {
  const epoch = Math.floor((now.getTime() - hoursAgo * 3_600_000) / 300_000) * 300_000;
  const { wall, offset } = parisWallClock(epoch);
  return { epoch, text: `${wall}${offset}` };
}
