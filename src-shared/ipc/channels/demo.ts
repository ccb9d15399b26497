export const DEMO_CHANNELS = ['demo:load', 'demo:progress', 'demo:cancel'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoResponses {
  /** Runs off the main process; progress in demo:progress under the request's jobId. */
  'demo:load': DemoSummary;
  'demo:progress': DemoProgress;
  'demo:cancel': { cancelled: boolean };
}

/** A running 加载示例数据: entities written of the total (the small lists follow in a moment). */
export interface DemoProgress {
  jobId: string;
  running: boolean;
  written: number;
  total: number;
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
