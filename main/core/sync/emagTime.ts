// eMAG filter dates in the platform's own local time (RO and BG share a zone; HU is an hour behind).
import type { Platform } from '../../../shared/domain';
import { PLATFORM_ZONES, formatWallTime, parseWallTime } from '../../../shared/zoneTime';

/** 'YYYY-MM-DD HH:MM:SS' in the platform's local time, as eMAG's date filters expect. */
export function platformDate(date: Date, platform: Platform): string {
  return formatWallTime(date, PLATFORM_ZONES[platform]);
}

/**
 * Reads a platform-local 'YYYY-MM-DD HH:MM:SS' (as eMAG sends `date` and `modified`) as an instant; NaN when the
 * text is not such a date.
 */
export function parsePlatformDate(text: string, platform: Platform): number {
  return parseWallTime(text, PLATFORM_ZONES[platform]);
}
