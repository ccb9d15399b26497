/** A long job's progress as a count: records done of the total, while it runs. */
export interface JobCount {
  jobId: string;
  running: boolean;
  done: number;
  total: number;
}

/** The whole percent of a count's records done; 0 before its first count or while its total is 0. */
export const jobPercent = (count: Pick<JobCount, 'done' | 'total'> | null) =>
  count && count.total > 0 ? Math.floor((count.done * 100) / count.total) : 0;
