export const DEMO_CHANNELS = ['demo:load'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export interface DemoResponses {
  'demo:load': DemoSummary;
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

export type DemoErrorCode = 'demo.badSize' | 'demo.noItems' | 'demo.notEmpty' | 'demo.verifyFailed';
