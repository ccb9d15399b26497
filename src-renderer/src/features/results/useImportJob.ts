import { useEffect, useState } from 'react';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { api } from '../../api';
import { newJobId } from '../../components/files';
import { useJobProgress } from '../../components/useJobProgress';

/** The preview or confirm under way: its job id (for progress and cancel) and whether it is being cancelled. */
export interface ImportJobState {
  jobId: string;
  kind: 'preview' | 'confirm';
  cancelling: boolean;
}

const readProgress = (jobId: string) => api()['results:import-progress']({ jobId });

/** Polls results:import-progress while a job runs, the same in the app and in the browser harness. */
function useImportProgress(jobId: string | null): ResultImportProgress | null {
  const [progress, setProgress] = useState<ResultImportProgress | null>(null);
  useEffect(() => setProgress(null), [jobId]);
  useJobProgress(jobId, readProgress, setProgress);
  return progress;
}

const wasCancelled = (e: unknown) => (e as { code?: string }).code === 'result.importCancelled';

/**
 * Runs a preview or a confirm under a new job id, polling its progress; `cancel` stops it. A cancelled job resolves
 * to null (nothing was written), any other failure rejects.
 */
export function useImportJob() {
  const [job, setJob] = useState<ImportJobState | null>(null);
  const progress = useImportProgress(job?.jobId ?? null);

  async function start<T>(kind: ImportJobState['kind'], call: (jobId: string) => Promise<T>): Promise<T | null> {
    const jobId = newJobId();
    setJob({ jobId, kind, cancelling: false });
    try {
      return await call(jobId);
    } catch (e) {
      if (wasCancelled(e)) return null;
      throw e;
    } finally {
      setJob(null);
    }
  }

  async function cancel() {
    if (!job) return;
    setJob({ ...job, cancelling: true });
    try {
      await api()['results:import-cancel']({ jobId: job.jobId });
    } catch {
      // The job's own call ends with its outcome either way.
    }
  }

  return { job, progress, start, cancel };
}
