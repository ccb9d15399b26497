import type { FileChoice } from './app';
import type { JobResponses } from './jobs';

/** The 公示包: a folder for the bureau's website, made offline from sealed draws and published results. */
export const PUBLISH_CHANNELS = [
  'publish:choices',
  'publish:choose-folder',
  'publish:run',
  'publish:progress',
  'publish:cancel',
] as const;
export type PublishChannel = (typeof PUBLISH_CHANNELS)[number];

/** What a package can be made of: each task with a sealed draw, and the years holding one. */
export interface PublishChoices {
  tasks: { number: string; name: string; year: number; sealedAt: string }[];
  years: number[];
}

export interface PublishProgress {
  jobId: string;
  running: boolean;
  /** Steps done of the total: one per task, then the site itself. */
  done: number;
  total: number;
  percent: number;
  /** The task folder being written, null when none. */
  current: string | null;
}

export interface PublishResult {
  /** done: the folder holds the whole package; cancelled: nothing was written. */
  outcome: 'done' | 'cancelled';
  folderName: string;
  tasks: number;
  /** Candidates of all the draws published, each as often as it was a candidate. */
  entities: number;
  files: number;
}

export interface PublishResponses extends JobResponses<
  { start: 'publish:run'; progress: 'publish:progress'; cancel: 'publish:cancel' },
  PublishResult,
  PublishProgress
> {
  'publish:choices': PublishChoices;
  /** null: the clerk cancelled the folder dialog. */
  'publish:choose-folder': FileChoice | null;
}

export type PublishErrorCode =
  | 'publish.busy'
  | 'publish.folderNotEmpty'
  | 'publish.noData'
  | 'publish.notSealed'
  | 'publish.taskNotFound'
  | 'publish.writeFailed';
