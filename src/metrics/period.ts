/**
 * Time moved to `src/time/`; this re-export only keeps branches written before the move
 * compiling until they are merged. New code imports from `../time/`.
 */
export { addDays as nextDate, isoWeekKey, monthKey, type LocalDate } from '../time/calendar.js';
export { defaultPeriod, periodCalendar, periodFromBounds, periodOfMonth, previousPeriod, type PeriodCalendar, type PeriodMonth } from '../time/period.js';
export { assertTimeZone, localDateOf, startOfLocalDay } from '../time/zone.js';
