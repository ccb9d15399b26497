import { useCallback, useState } from 'react';
import { errorText } from './files';
import { useJobProgress } from './useJobProgress';

/** A job the page follows: idle, running (with its polled progress and whether 取消 was asked), or how it ended. */
export type JobState<P, Ended> =
  { phase: 'idle' } | { phase: 'running'; jobId: string; progress: P | null; cancelling: boolean } | Ended;

/** How a job's call ended: its result, or the Chinese reason it failed. */
export type JobEnd<R> = { phase: 'finished'; result: R } | { phase: 'failed'; message: string };

export const jobEnd = <R>(call: Promise<R>): Promise<JobEnd<R>> =>
  call.then(
    (result) => ({ phase: 'finished', result }),
    (e: unknown) => ({ phase: 'failed', message: errorText(e) }),
  );

/**
 * The folder dialog a job starts with: the chosen folder's token, or null when the clerk closed it; a refusal goes to
 * `failed`, to be shown as the job's.
 */
export async function chooseFolder(dialog: Promise<{ token: string } | null>, failed: (end: JobEnd<never>) => void) {
  const choice = await jobEnd(dialog);
  if (choice.phase === 'finished') return choice.result?.token ?? null;
  failed(choice);
  return null;
}

/** A job just started under `jobId`: no progress read yet. */
export const jobRunning = (jobId: string) => ({ phase: 'running', jobId, progress: null, cancelling: false }) as const;

/**
 * A job in main's worker under a job id the page polls and may cancel: its state, with the progress of the job still
 * running kept current. `read` must be stable (module-level or memoised).
 */
export function useJob<P extends { jobId: string; running: boolean }, Ended extends { phase: 'finished' | 'failed' }>(
  read: (jobId: string) => Promise<P>,
  cancelJob: (jobId: string) => Promise<unknown>,
) {
  const [state, setState] = useState<JobState<P, Ended>>({ phase: 'idle' });
  const jobId = state.phase === 'running' ? state.jobId : null;
  const onProgress = useCallback(
    (progress: P) => setState((s) => (s.phase === 'running' && s.jobId === progress.jobId ? { ...s, progress } : s)),
    [],
  );
  useJobProgress(jobId, read, onProgress);

  async function cancel() {
    if (state.phase !== 'running') return;
    setState({ ...state, cancelling: true });
    try {
      await cancelJob(state.jobId);
    } catch {
      // The job's own call ends with its outcome either way.
    }
  }

  return { state, setState, cancel };
}
