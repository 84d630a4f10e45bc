import { afterEach, describe, expect, it } from 'vitest';
import { formatDateFr, formatDateTimeFr, formatIsoInSiteTimeZone } from './formatDate';

const originalTimeZone = process.env.TZ;

afterEach(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

describe('formatDateTimeFr', () => {
  const published = new Date('2024-02-06T15:17:00Z');

  it('writes a date and time in French, Paris time', () => {
    expect(formatDateTimeFr(published)).toBe('6 février 2024 à 16:17');
  });

  it.each([
    ['UTC', 0],
    ['America/New_York', 300],
    ['Asia/Tokyo', -540],
  ])('writes the same text when the server runs in %s', (timeZone, offsetMinutes) => {
    process.env.TZ = timeZone;
    // The change of zone really took effect in this process, or the test proves nothing.
    expect(published.getTimezoneOffset()).toBe(offsetMinutes);
    expect(formatDateTimeFr(published)).toBe('6 février 2024 à 16:17');
    expect(formatIsoInSiteTimeZone(published)).toBe('2024-02-06T16:17:00+01:00');
  });

  it.each([
    ['the last winter minute in March', '2024-03-31T00:59:00Z', '31 mars 2024 à 01:59', '2024-03-31T01:59:00+01:00'],
    ['the first summer minute in March', '2024-03-31T01:00:00Z', '31 mars 2024 à 03:00', '2024-03-31T03:00:00+02:00'],
    ['the day before clocks go forward', '2024-03-30T12:00:00Z', '30 mars 2024 à 13:00', '2024-03-30T13:00:00+01:00'],
    ['the day before clocks go back', '2024-10-26T12:00:00Z', '26 octobre 2024 à 14:00', '2024-10-26T14:00:00+02:00'],
    ['the first 02:30 in October (summer time)', '2024-10-27T00:30:00Z', '27 octobre 2024 à 02:30', '2024-10-27T02:30:00+02:00'],
    ['the second 02:30 in October (winter time)', '2024-10-27T01:30:00Z', '27 octobre 2024 à 02:30', '2024-10-27T02:30:00+01:00'],
    ['the day after clocks go back', '2024-10-27T12:00:00Z', '27 octobre 2024 à 13:00', '2024-10-27T13:00:00+01:00'],
  ])('follows Paris across daylight saving time: %s', (_, instant, text, iso) => {
    const date = new Date(instant);
    expect(formatDateTimeFr(date)).toBe(text);
    expect(formatIsoInSiteTimeZone(date)).toBe(iso);
  });

  it('shows the next day when it is already past midnight in Paris', () => {
    expect(formatDateTimeFr(new Date('2024-02-06T23:30:00Z'))).toBe('7 février 2024 à 00:30');
    expect(formatDateTimeFr(new Date('2024-07-31T22:30:00Z'))).toBe('1er août 2024 à 00:30');
  });
});

describe('formatDateFr', () => {
  it('writes the first day of a month "1er"', () => {
    expect(formatDateFr(new Date('2024-02-01T10:00:00Z'))).toBe('1er février 2024');
  });

  it.each([
    ['2024-03-11T10:00:00Z', '11 mars 2024'],
    ['2024-03-21T10:00:00Z', '21 mars 2024'],
    ['2024-03-31T10:00:00Z', '31 mars 2024'],
  ])('writes other days as plain numbers: %s', (instant, text) => {
    expect(formatDateFr(new Date(instant))).toBe(text);
  });
});
