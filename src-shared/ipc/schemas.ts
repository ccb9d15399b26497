import type { z } from 'zod';
import type { Channel } from './contract';
import { appRequests } from './channels/app.requests';
import { auditRequests } from './channels/audit.requests';
import { demoRequests } from './channels/demo.requests';
import { drawsRequests } from './channels/draws.requests';
import { itemsRequests } from './channels/items.requests';
import { plansRequests } from './channels/plans.requests';
import { resultsRequests } from './channels/results.requests';
import { rostersRequests } from './channels/rosters.requests';
import { settingsRequests } from './channels/settings.requests';
import { sheetsRequests } from './channels/sheets.requests';
import { visitsRequests } from './channels/visits.requests';
import { followUpsRequests } from './channels/follow-ups.requests';
import { calendarRequests } from './channels/calendar.requests';
import { homeRequests } from './channels/home.requests';
import { publishRequests } from './channels/publish.requests';
import { disclosureRequests } from './channels/disclosure.requests';
import { backupsRequests } from './channels/backups.requests';
import { usersRequests } from './channels/users.requests';
import { statsRequests } from './channels/stats.requests';

/**
 * A zod schema per channel request, merged from the workflows' channels/<domain>.requests.ts: the only shape a
 * payload may have when it crosses into the privileged side. `unknown` comes in, a typed value goes out.
 */
export const requestSchemas = {
  ...appRequests,
  ...settingsRequests,
  ...auditRequests,
  ...rostersRequests,
  ...itemsRequests,
  ...demoRequests,
  ...plansRequests,
  ...drawsRequests,
  ...visitsRequests,
  ...sheetsRequests,
  ...followUpsRequests,
  ...calendarRequests,
  ...resultsRequests,
  ...homeRequests,
  ...publishRequests,
  ...disclosureRequests,
  ...backupsRequests,
  ...usersRequests,
  ...statsRequests,
} as const satisfies Record<Channel, z.ZodType>;

export type Req<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ParsedReq<C extends Channel> = z.output<(typeof requestSchemas)[C]>;

export { entityPatch, expertPatch, inspectorPatch } from './channels/rosters.requests';
export { itemNew, subItemDraft } from './channels/items.requests';
