/** A long job's progress as a count: records done of the total, while it runs. */
export interface JobCount {
  jobId: string;
  running: boolean;
  done: number;
  total: number;
}
