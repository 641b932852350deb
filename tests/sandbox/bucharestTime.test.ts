import { describe, expect, it } from 'vitest';
import { addOneMonthLocal, formatEmagDate, parseEmagDate } from '../../main/sandbox/bucharestTime';
import { BUCHAREST, formatWallTime, parseWallTime } from '../../shared/zoneTime';

describe('eMAG dates in Europe/Bucharest', () => {
  it('formats summer time as UTC+3 and winter time as UTC+2', () => {
    expect(formatEmagDate(Date.UTC(2025, 6, 1, 9, 4, 42))).toBe('2025-07-01 12:04:42');
    expect(formatEmagDate(Date.UTC(2025, 0, 15, 22, 30, 0))).toBe('2025-01-16 00:30:00');
  });

  it('agrees with the platform time zone database around both clock changes', () => {
    for (const start of [Date.UTC(2025, 2, 29, 22), Date.UTC(2025, 9, 25, 22), Date.UTC(2026, 2, 28, 22)]) {
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 15 * 60_000) {
        expect(formatEmagDate(ms)).toBe(formatWallTime(new Date(ms), BUCHAREST));
      }
    }
  });

  it('parses back what it formats, and rejects anything else', () => {
    for (const ms of [Date.UTC(2025, 6, 1, 9, 4, 42), Date.UTC(2025, 11, 31, 23, 59, 59)]) {
      expect(parseEmagDate(formatEmagDate(ms))).toBe(ms);
      expect(parseWallTime(formatEmagDate(ms), BUCHAREST)).toBe(ms);
    }
    expect(parseEmagDate('2025-02-29 10:00:00')).toBeNull();
    expect(parseEmagDate('2025-07-01T12:04:42')).toBeNull();
    expect(parseEmagDate('2025-07-01 24:00:00')).toBeNull();
  });

  it('adds a calendar month, clamping to the end of a shorter month', () => {
    const jan31 = parseEmagDate('2025-01-31 10:00:00') ?? 0;
    expect(formatEmagDate(addOneMonthLocal(jan31))).toBe('2025-02-28 10:00:00');
    const dec15 = parseEmagDate('2025-12-15 08:00:00') ?? 0;
    expect(formatEmagDate(addOneMonthLocal(dec15))).toBe('2026-01-15 08:00:00');
  });
});
