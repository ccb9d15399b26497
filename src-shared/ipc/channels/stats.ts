import type { StatsView } from '../../domain/stats';

export const STATS_CHANNELS = ['stats:view', 'stats:export'] as const;
export type StatsChannel = (typeof STATS_CHANNELS)[number];

export type StatsErrorCode = 'stats.noData';

export interface StatsResponses {
  /** The year's figures per scope and the charts' data (the latest year with a task when no year is given). */
  'stats:view': StatsView;
  /** The report (PDF) or the figures (xlsx), written to the save dialog's file. */
  'stats:export': { fileName: string };
}
