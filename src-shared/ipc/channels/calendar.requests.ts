import { z } from '../zod';
import type { CalendarChannel } from './calendar';
import { empty, fileToken, isoDate, planYear } from './fields';

const dateRange = z.object({ start: isoDate, end: isoDate }).strict();
const ranges = z.array(dateRange, { error: '日期段必须是列表' }).max(100, '日期段不能超过 100 段');

export const calendarRequests = {
  'calendar:years': empty,
  'calendar:enter': z.object({ year: planYear, holidays: ranges, workdays: ranges }).strict(),
  'calendar:read-file': z.object({ fileToken }).strict(),
  'calendar:deadlines': empty,
} satisfies Record<CalendarChannel, z.ZodType>;
