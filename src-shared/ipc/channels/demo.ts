import type { JobCount } from '../../domain/job-count';
import type { JobResponses } from './jobs';
export const DEMO_CHANNELS = ['demo:load', 'demo:progress', 'demo:cancel'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

/** Loading reports the entities written of the total (the small lists follow in a moment). */
export type DemoResponses = JobResponses<
  { start: 'demo:load'; progress: 'demo:progress'; cancel: 'demo:cancel' },
  DemoSummary,
  JobCount
>;

/** What loading the demo data wrote, per table. */
export interface DemoSummary {
  offices: number;
  entities: number;
  inspectors: number;
  experts: number;
  items: number;
  subItems: number;
}

export type DemoErrorCode =
  'demo.badSize' | 'demo.cancelled' | 'demo.failed' | 'demo.noItems' | 'demo.notEmpty' | 'demo.verifyFailed';
