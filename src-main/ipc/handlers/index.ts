import type { Channel } from '@shared/ipc/contract';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { demoHandlers } from './demo';
import { drawHandlers } from './draws';
import { itemHandlers } from './items';
import { planHandlers } from './plans';
import { resultHandlers } from './results';
import { rosterHandlers } from './rosters';
import { settingsHandlers } from './settings';
import { sheetHandlers } from './sheets';
import type { HandlersFor, Services } from './types';
import { visitHandlers } from './visits';
import { followUpHandlers } from './follow-ups';
import { calendarHandlers } from './calendar';
import { homeHandlers } from './home';
import { publishHandlers } from './publish';
import { disclosureHandlers } from './disclosure';
import { backupHandlers } from './backups';
import { userHandlers } from './users';
import { statsHandlers } from './stats';

/** Every channel's handler; the compiler refuses createHandlers when a domain's map is missing. */
export type Handlers = HandlersFor<Channel>;

/** Thin: each channel is one service call. Logic lives in services, validation in the schemas. */
export function createHandlers(s: Services): Handlers {
  return {
    ...appHandlers(s),
    ...settingsHandlers(s),
    ...auditHandlers(s),
    ...rosterHandlers(s),
    ...itemHandlers(s),
    ...demoHandlers(s),
    ...planHandlers(s),
    ...drawHandlers(s),
    ...visitHandlers(s),
    ...sheetHandlers(s),
    ...followUpHandlers(s),
    ...calendarHandlers(s),
    ...resultHandlers(s),
    ...homeHandlers(s),
    ...publishHandlers(s),
    ...disclosureHandlers(s),
    ...backupHandlers(s),
    ...userHandlers(s),
    ...statsHandlers(s),
  };
}
