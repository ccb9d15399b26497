import { usePoll } from './usePoll';

/**
 * Polls a running job's progress under its job id (the same in the app and in the browser harness), handing each
 * report of a job still running to `onProgress`. `read` and `onProgress` must be stable (module-level or memoised).
 */
export function useJobProgress<P extends { running: boolean }>(
  jobId: string | null,
  read: (jobId: string) => Promise<P>,
  onProgress: (progress: P) => void,
) {
  usePoll(
    async (stopped) => {
      try {
        const progress = await read(jobId!);
        if (!stopped() && progress.running) onProgress(progress);
      } catch {
        // A missed poll only delays the bar; the job's own call reports errors.
      }
    },
    250,
    [jobId, read, onProgress],
    jobId !== null,
  );
}
