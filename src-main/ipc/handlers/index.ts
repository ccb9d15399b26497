import type { Channel } from '@shared/ipc/contract';
import { appHandlers, type AppHandlers } from './app';
import { auditHandlers, type AuditHandlers } from './audit';
import { demoHandlers, type DemoHandlers } from './demo';
import { drawHandlers, type DrawHandlers } from './draws';
import { itemHandlers, type ItemHandlers } from './items';
import { planHandlers, type PlanHandlers } from './plans';
import { resultHandlers, type ResultHandlers } from './results';
import { rosterHandlers, type RosterHandlers } from './rosters';
import { settingsHandlers, type SettingsHandlers } from './settings';
import { sheetHandlers, type SheetHandlers } from './sheets';
import type { Services } from './types';
import { visitHandlers, type VisitHandlers } from './visits';
import { followUpHandlers, type FollowUpHandlers } from './follow-ups';
import { calendarHandlers, type CalendarHandlers } from './calendar';
import { homeHandlers, type HomeHandlers } from './home';
import { publishHandlers, type PublishHandlers } from './publish';
import { disclosureHandlers, type DisclosureHandlers } from './disclosure';
import { backupHandlers, type BackupHandlers } from './backups';
import { userHandlers, type UserHandlers } from './users';
import { statsHandlers, type StatsHandlers } from './stats';

/** Every channel's handler: the workflows' handler maps side by side. */
export type Handlers = AppHandlers &
  SettingsHandlers &
  AuditHandlers &
  RosterHandlers &
  ItemHandlers &
  DemoHandlers &
  PlanHandlers &
  DrawHandlers &
  VisitHandlers &
  SheetHandlers &
  FollowUpHandlers &
  CalendarHandlers &
  ResultHandlers &
  HomeHandlers &
  DisclosureHandlers &
  BackupHandlers &
  UserHandlers &
  StatsHandlers &
  PublishHandlers &
  DisclosureHandlers;

// Compile-time check: the domain maps together cover every channel.
type Unhandled = Exclude<Channel, keyof Handlers>;
export const handlersAreComplete: [Unhandled] extends [never] ? true : false = true;

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
