// The current study day as a window of epoch ms, as the database queries take it.
import { dayStart, nextDayStart } from './day';

export function dayWindow(now: number, startHour: number): { start: number; end: number } {
  const at = new Date(now);
  return { start: dayStart(at, startHour).getTime(), end: nextDayStart(at, startHour).getTime() };
}
