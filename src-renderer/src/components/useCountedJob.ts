import type { JobCount } from '@shared/domain/job-count';
import { errorText, newJobId } from './files';
import { jobRunning, useJob } from './useJob';
import { refusalCode } from './refusalAtField';

/** The calls of one kind of counted job: poll its count, cancel it. */
export interface CountedJobCalls {
  progress: (jobId: string) => Promise<JobCount>;
  cancel: (jobId: string) => Promise<unknown>;
  /** The error code of a cancelled job: not a failure to report. */
  cancelledCode: string;
}

/**
 * A long write in main's worker (加载示例数据, bulk edits) under a job id this hook polls and may cancel. `onDone`
 * gets the job's value; a cancelled job returns to idle (`onCancelled` hears its Chinese sentence); a failure is kept
 * in the state with its Chinese reason.
 */
export function useCountedJob<Value>(
  calls: CountedJobCalls,
  onDone: (value: Value) => void,
  onCancelled?: (message: string) => void,
) {
  const { state, setState, cancel } = useJob<JobCount, { phase: 'failed'; message: string }>(
    calls.progress,
    calls.cancel,
  );

  /** Runs `job` under a new job id. */
  async function start(job: (jobId: string) => Promise<Value>) {
    const id = newJobId();
    setState(jobRunning(id));
    try {
      const value = await job(id);
      setState({ phase: 'idle' });
      onDone(value);
    } catch (e) {
      // Read by shape: in the e2e bridge the error may come from another bundle, where instanceof fails.
      const cancelled = refusalCode(e) === calls.cancelledCode;
      setState(cancelled ? { phase: 'idle' } : { phase: 'failed', message: errorText(e) });
      if (cancelled) onCancelled?.(errorText(e));
    }
  }

  return { state, start, cancel };
}
