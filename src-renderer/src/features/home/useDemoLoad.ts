import { useState } from 'react';
import type { DemoProgress, DemoSummary } from '@shared/ipc/channels/demo';
import type { ApiError } from '@shared/ipc/client';
import { api } from '../../api';
import { errorText, newJobId } from '../../components/files';
import { usePoll } from '../../components/usePoll';

/** Where 加载示例数据 stands: idle, running (with its polled progress), or failed with the Chinese reason. */
export type DemoLoadState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: DemoProgress | null; cancelling: boolean }
  | { phase: 'failed'; message: string };

/**
 * 加载示例数据 in main's worker under a job id this hook polls (demo:progress) and may cancel (demo:cancel); a
 * cancelled load writes nothing and is not reported as a failure.
 */
export function useDemoLoad(onLoaded: (summary: DemoSummary) => void) {
  const [state, setState] = useState<DemoLoadState>({ phase: 'idle' });
  const jobId = state.phase === 'running' ? state.jobId : null;
  usePoll(
    async (stopped) => {
      try {
        const progress = await api()['demo:progress']({ jobId: jobId! });
        if (!stopped() && progress.running) {
          setState((s) => (s.phase === 'running' && s.jobId === progress.jobId ? { ...s, progress } : s));
        }
      } catch {
        // A missed poll only delays the bar; the load's own call reports errors.
      }
    },
    250,
    [jobId],
    jobId !== null,
  );

  async function start(entities: number) {
    const id = newJobId();
    setState({ phase: 'running', jobId: id, progress: null, cancelling: false });
    try {
      const summary = await api()['demo:load']({ entities, jobId: id });
      setState({ phase: 'idle' });
      onLoaded(summary);
    } catch (e) {
      // Read by shape: in the e2e bridge the error may come from another bundle, where instanceof fails.
      const cancelled = (e as Partial<ApiError> | null)?.code === 'demo.cancelled';
      setState(cancelled ? { phase: 'idle' } : { phase: 'failed', message: errorText(e) });
    }
  }

  async function cancel() {
    if (state.phase !== 'running') return;
    setState({ ...state, cancelling: true });
    try {
      await api()['demo:cancel']({ jobId: state.jobId });
    } catch {
      // The load's own call ends with its outcome either way.
    }
  }

  return { state, start, cancel };
}
