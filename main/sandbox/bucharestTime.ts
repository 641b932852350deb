// eMAG dates in Europe/Bucharest, eMAG Romania's zone: the sandbox's default platform. Accounts of other platforms
// use their own zone through `emagTimeFor` (platformTime.ts), the same rule MagFlow applies.
import { emagTimeFor } from './platformTime';

const bucharest = emagTimeFor('emag-ro');

/** Offset of Bucharest from UTC at an instant: +3 h in summer time, +2 h otherwise. */
export const bucharestOffsetMs = (epochMs: number): number => bucharest.offsetMs(epochMs);

/** Formats an instant as eMAG does: '2025-09-19 14:03:07' (Bucharest local time). */
export const formatEmagDate = (epochMs: number): string => bucharest.format(epochMs);

/** Formats the date part only: '2025-09-19'. */
export const formatEmagDay = (epochMs: number): string => bucharest.formatDay(epochMs);

/** Parses 'YYYY-mm-dd HH:ii:ss' (Bucharest local) to epoch ms; null when the text is not a real date in that form. */
export const parseEmagDate = (text: string): number | null => bucharest.parse(text);

/** The same wall-clock moment one calendar month later, clamped to the month's end (Jan 31 -> Feb 28/29). */
export const addOneMonthLocal = (epochMs: number): number => bucharest.addOneMonth(epochMs);
