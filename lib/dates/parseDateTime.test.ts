import { describe, expect, it } from 'vitest';
import { parseDateTime, type DateWithOffset } from './parseDateTime';

function parsed(text: string): DateWithOffset {
  const result = parseDateTime(text);
  if (!result.ok) throw new Error(`expected a date, got: ${result.message}`);
  return result.value;
}

describe('parseDateTime', () => {
  it.each([
    ['keeps a written offset', '2024-02-06T16:17:00+05:00', '2024-02-06T16:17:00+05:00', '2024-02-06T11:17:00.000Z'],
    ['keeps a negative offset', '2024-02-06T16:17:00-03:30', '2024-02-06T16:17:00-03:30', '2024-02-06T19:47:00.000Z'],
    ['reads Z as UTC', '2024-02-06T15:17:00Z', '2024-02-06T15:17:00Z', '2024-02-06T15:17:00.000Z'],
    ['reads a winter time without offset as Paris time', '2024-02-06T16:17', '2024-02-06T16:17:00+01:00', '2024-02-06T15:17:00.000Z'],
    ['reads a summer time without offset as Paris time', '2024-07-14T16:17:00', '2024-07-14T16:17:00+02:00', '2024-07-14T14:17:00.000Z'],
    ['accepts a space instead of T', '2024-02-06 16:17', '2024-02-06T16:17:00+01:00', '2024-02-06T15:17:00.000Z'],
    ['reads a date alone as midnight in Paris', '2024-02-06', '2024-02-06T00:00:00+01:00', '2024-02-05T23:00:00.000Z'],
    ['accepts 29 February of a leap year', '2024-02-29', '2024-02-29T00:00:00+01:00', '2024-02-28T23:00:00.000Z'],
    ['ignores surrounding spaces', '  2024-02-06T16:17:00+01:00 ', '2024-02-06T16:17:00+01:00', '2024-02-06T15:17:00.000Z'],
  ])('%s', (_, text, iso, instant) => {
    const { date, iso: writtenIso } = parsed(text);
    expect(writtenIso).toBe(iso);
    expect(date.toISOString()).toBe(instant);
  });

  it('gives a valid date for the repeated hour when clocks go back in Paris', () => {
    const { date, iso } = parsed('2024-10-27T02:30');
    expect(Number.isNaN(date.getTime())).toBe(false);
    expect(iso).toMatch(/^2024-10-27T02:30:00\+0[12]:00$/);
    expect(['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z']).toContain(date.toISOString());
  });

  it.each([
    ['a day past the end of the month', '2024-02-30', /29 jours/],
    ['29 February of a common year', '2023-02-29', /28 jours/],
    ['day 0', '2024-02-00', /date impossible/],
    ['month 13', '2024-13-01', /mois impossible/],
    ['month 0', '2024-00-10', /mois impossible/],
    ['hour 24', '2024-02-06T24:00', /heure impossible/],
    ['minute 60', '2024-02-06T16:60', /heure impossible/],
    ['second 60', '2024-02-06T16:17:60+01:00', /heure impossible/],
    ['garbage text', 'mardi dernier', /date illisible/],
    ['a French-style date', '06/02/2024', /date illisible/],
    ['an offset beyond ±14:00', '2024-02-06T16:17:00+15:00', /décalage horaire impossible/],
    ['an offset with 60 minutes', '2024-02-06T16:17:00+01:60', /décalage horaire impossible/],
    ['a Paris time skipped when clocks go forward', '2024-03-31T02:30', /n’existe pas à Paris/],
  ])('refuses %s', (_, text, message) => {
    const result = parseDateTime(text);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) as unknown });
    expect(result.ok ? '' : result.hint).not.toBe('');
  });

  it('accepts the skipped Paris hour when an offset is written', () => {
    expect(parsed('2024-03-31T02:30:00+01:00').date.toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });
});
