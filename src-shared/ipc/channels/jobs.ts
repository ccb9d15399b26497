/** The channels a job run off the main process answers on, named as its workflow names them. */
export interface JobChannelNames {
  /** Runs the job and answers when it is done or cancelled. */
  start: string;
  /** What the job has done so far, under the jobId its start request carried. */
  progress: string;
  /** Stops the job under that jobId; cancelled: false when no job runs under it. */
  cancel: string;
}

/** The responses of a job's start, progress and cancel channels. */
export type JobResponses<Names extends JobChannelNames, Done, Progress> = Record<Names['start'], Done> &
  Record<Names['progress'], Progress> &
  Record<Names['cancel'], { cancelled: boolean }>;
