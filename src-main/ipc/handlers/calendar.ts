import type { CalendarChannel } from '@shared/ipc/channels/calendar';
import type { HandlersFor, Services } from './types';

export function calendarHandlers(s: Services): HandlersFor<CalendarChannel> {
  return {
    'calendar:years': () => s.results.calendarYears(),
    'calendar:enter': (req) => s.results.enterYear(req),
    'calendar:read-file': (req) => s.results.readYearFile(req),
    'calendar:deadlines': () => s.results.deadlines(),
  };
}
