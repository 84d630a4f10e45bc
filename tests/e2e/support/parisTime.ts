import { liveHeadingTime } from '../../../scripts/fixtureCorpus/parisClock';

/** `2024-02-07 09:10`: Paris wall-clock time, as an editor writes a live entry's heading, computed with Intl rather than by the site's code. */
export function parisWallClock(date: Date): string {
  return liveHeadingTime(date.getTime());
}
