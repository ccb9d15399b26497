import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarYearView } from '@shared/domain/follow-ups';
import { collapseDates, expandRanges, type DateRange } from '@shared/domain/holiday-ranges';

/** A range row of the form: the RangePicker's pair (empty while being filled). */
export type RangeValue = [Dayjs, Dayjs] | null | undefined;

export interface HolidayFormValues {
  year: number;
  holidays: RangeValue[];
  workdays: RangeValue[];
}

const ISO = 'YYYY-MM-DD';

export const toRange = (v: RangeValue): DateRange | null =>
  v && v[0] && v[1] ? { start: v[0].format(ISO), end: v[1].format(ISO) } : null;

export const fromRange = (r: DateRange): RangeValue => [dayjs(r.start, ISO), dayjs(r.end, ISO)];

/** The filled rows as ranges (rows still empty left out). */
export const rangesOf = (rows: RangeValue[] | undefined): DateRange[] =>
  (rows ?? []).map(toRange).filter((r): r is DateRange => r !== null);

/** The form's rows for a year already covered (re-entering starts from what is there). */
export function formOf(year: CalendarYearView): HolidayFormValues {
  return {
    year: year.year,
    holidays: collapseDates(year.holidays).map(fromRange),
    workdays: collapseDates(year.workdays).map(fromRange),
  };
}

/** The days the rows give, for the preview. */
export const daysOf = (rows: RangeValue[] | undefined) => expandRanges(rangesOf(rows));

/** The ranges of a list of dates, read as the notice would state them (2月5日至11日). */
export function rangesText(dates: string[]): string {
  return collapseDates(dates)
    .map((r) => (r.start === r.end ? r.start.slice(5) : `${r.start.slice(5)}至${r.end.slice(5)}`))
    .join('、');
}
