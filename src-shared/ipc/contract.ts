import type { ErrorCode } from '../errors';
import { APP_CHANNELS, type AppResponses } from './channels/app';
import { AUDIT_CHANNELS, type AuditResponses } from './channels/audit';
import { DEMO_CHANNELS, type DemoResponses } from './channels/demo';
import { DRAW_CHANNELS, type DrawResponses } from './channels/draws';
import { ITEM_CHANNELS, type ItemResponses } from './channels/items';
import { PLAN_CHANNELS, type PlanResponses } from './channels/plans';
import { RESULT_CHANNELS, type ResultResponses } from './channels/results';
import { ROSTER_CHANNELS, type RosterResponses } from './channels/rosters';
import { SETTINGS_CHANNELS, type SettingsResponses } from './channels/settings';
import { SHEET_CHANNELS, type SheetResponses } from './channels/sheets';
import { VISIT_CHANNELS, type VisitResponses } from './channels/visits';
import { FOLLOW_UP_CHANNELS, type FollowUpResponses } from './channels/follow-ups';
import { CALENDAR_CHANNELS, type CalendarResponses } from './channels/calendar';
import { HOME_CHANNELS, type HomeResponses } from './channels/home';
import { PUBLISH_CHANNELS, type PublishResponses } from './channels/publish';
import { DISCLOSURE_CHANNELS, type DisclosureResponses } from './channels/disclosure';
import { BACKUP_CHANNELS, type BackupResponses } from './channels/backups';
import { USER_CHANNELS, type UserResponses } from './channels/users';
import { STATS_CHANNELS, type StatsResponses } from './channels/stats';

/**
 * The whole IPC surface, merged from channels/<domain>.ts (names, responses) and channels/<domain>.requests.ts (zod).
 * Payloads are JSON-safe so Electron's structured clone and the browser e2e bridge behave alike; no zod here, so the
 * preload bundle stays small.
 */
export const CHANNELS = [
  ...APP_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...AUDIT_CHANNELS,
  ...ROSTER_CHANNELS,
  ...ITEM_CHANNELS,
  ...DEMO_CHANNELS,
  ...PLAN_CHANNELS,
  ...DRAW_CHANNELS,
  ...VISIT_CHANNELS,
  ...SHEET_CHANNELS,
  ...FOLLOW_UP_CHANNELS,
  ...CALENDAR_CHANNELS,
  ...RESULT_CHANNELS,
  ...HOME_CHANNELS,
  ...PUBLISH_CHANNELS,
  ...DISCLOSURE_CHANNELS,
  ...BACKUP_CHANNELS,
  ...USER_CHANNELS,
  ...STATS_CHANNELS,
] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Responses
  extends
    AppResponses,
    SettingsResponses,
    AuditResponses,
    RosterResponses,
    ItemResponses,
    DemoResponses,
    PlanResponses,
    DrawResponses,
    VisitResponses,
    SheetResponses,
    FollowUpResponses,
    CalendarResponses,
    ResultResponses,
    HomeResponses,
    DisclosureResponses,
    BackupResponses,
    UserResponses,
    StatsResponses,
    DisclosureResponses,
    PublishResponses {}

export type Res<C extends Channel> = Responses[C];

export interface IpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type { Req, ParsedReq } from './schemas';
export type { AppInfo, FileChoice } from './channels/app';
export type { AuditChainCheck, AuditEntry } from './channels/audit';
export type { CeremonyWindowInfo } from './channels/draws';
export type { MappingProposalView } from './channels/rosters';

// Compile-time check: every channel has a response type and vice versa.
type MissingResponse = Exclude<Channel, keyof Responses>;
type ExtraResponse = Exclude<keyof Responses, Channel>;
export const contractIsComplete: [MissingResponse, ExtraResponse] extends [never, never] ? true : false = true;
