import { useState } from 'react';
import type { ResultImportProgress } from '@shared/ipc/channels/results';
import { api } from '../../api';
import { newJobId } from '../../components/files';
import { jobRunning, useJob } from '../../components/useJob';
import { refusalCode } from '../../components/refusalAtField';

/** The preview or confirm under way: its job id (for progress and cancel) and whether it is being cancelled. */
export interface ImportJobState {
  jobId: string;
  kind: 'preview' | 'confirm';
  cancelling: boolean;
}

const readProgress = (jobId: string) => api()['results:import-progress']({ jobId });
const cancelImport = (jobId: string) => api()['results:import-cancel']({ jobId });

const wasCancelled = (e: unknown) => refusalCode(e) === 'result.importCancelled';

/**
 * Runs a preview or a confirm under a new job id, polling its progress; `cancel` stops it. A cancelled job resolves
 * to null (nothing was written), any other failure rejects.
 */
export function useImportJob() {
  // The call's outcome goes back to its caller, so the job's state ends in idle, never finished or failed.
  const { state, setState, cancel } = useJob<ResultImportProgress, never>(readProgress, cancelImport);
  const [kind, setKind] = useState<ImportJobState['kind']>('preview');

  async function start<T>(jobKind: ImportJobState['kind'], call: (jobId: string) => Promise<T>): Promise<T | null> {
    const jobId = newJobId();
    setKind(jobKind);
    setState(jobRunning(jobId));
    try {
      return await call(jobId);
    } catch (e) {
      if (wasCancelled(e)) return null;
      throw e;
    } finally {
      setState({ phase: 'idle' });
    }
  }

  const running = state.phase === 'running' ? state : null;
  const job: ImportJobState | null = running && { jobId: running.jobId, kind, cancelling: running.cancelling };
  return { job, progress: running?.progress ?? null, start, cancel };
}
