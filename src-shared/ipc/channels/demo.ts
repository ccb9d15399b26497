import type { JobCount } from '../../domain/job-count';
export const DEMO_CHANNELS = ['demo:load', 'demo:progress', 'demo:cancel'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoResponses {
  /** Runs off the main process; progress in demo:progress under the request's jobId. */
  'demo:load': DemoSummary;
  /** Entities written of the total (the small lists follow in a moment). */
  'demo:progress': JobCount;
  'demo:cancel': { cancelled: boolean };
}

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
