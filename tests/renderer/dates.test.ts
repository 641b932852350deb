// eMAG's zone-less wall times read in their marketplace's zone, through the shared zone-time module.
import { describe, expect, it } from 'vitest';
import { parseAppDate, platformZone, wallTimeToInstant } from '../../renderer/src/format/dates';

describe('wall times', () => {
  it('reads a wall time in its zone, with or without seconds, winter and summer', () => {
    expect(wallTimeToInstant('2025-03-10 10:00:05', 'Europe/Bucharest')?.toISOString()).toBe(
      '2025-03-10T08:00:05.000Z',
    );
    expect(wallTimeToInstant('2025-03-10 10:00', 'Europe/Bucharest')?.toISOString()).toBe('2025-03-10T08:00:00.000Z');
    expect(wallTimeToInstant('2025-07-01T10:00', 'Europe/Bucharest')?.toISOString()).toBe('2025-07-01T07:00:00.000Z');
    expect(wallTimeToInstant('2025-07-01 10:00:00', 'Europe/Budapest')?.toISOString()).toBe('2025-07-01T08:00:00.000Z');
  });

  it('refuses what is not a wall time', () => {
    expect(wallTimeToInstant('', 'Europe/Bucharest')).toBeNull();
    expect(wallTimeToInstant('2025-03-10', 'Europe/Bucharest')).toBeNull();
    expect(wallTimeToInstant('2025-03-10T08:00:00Z', 'Europe/Bucharest')).toBeNull();
  });

  it('takes ISO instants as they are and wall times in the given zone', () => {
    expect(parseAppDate('2025-03-10T08:00:00Z')?.toISOString()).toBe('2025-03-10T08:00:00.000Z');
    expect(parseAppDate('2025-03-10 10:00:00')?.toISOString()).toBe('2025-03-10T08:00:00.000Z');
    expect(parseAppDate('2025-03-10 10:00:00', 'Europe/Budapest')?.toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(parseAppDate('not a date')).toBeNull();
  });

  it('maps each marketplace to its zone and anything else to Bucharest', () => {
    expect(platformZone('emag-hu')).toBe('Europe/Budapest');
    expect(platformZone('fd-bg')).toBe('Europe/Sofia');
    expect(platformZone('emag-ro')).toBe('Europe/Bucharest');
    expect(platformZone(undefined)).toBe('Europe/Bucharest');
    expect(platformZone('other')).toBe('Europe/Bucharest');
  });
});
