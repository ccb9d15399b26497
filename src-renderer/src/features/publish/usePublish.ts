import { useCallback, useState } from 'react';
import type { PublishProgress, PublishResult } from '@shared/ipc/channels/publish';
import type { Req, Res } from '@shared/ipc/contract';
import { api } from '../../api';
import { errorText, newJobId } from '../../components/files';
import { useJobProgress } from '../../components/useJobProgress';

const readProgress = (jobId: string) => api()['publish:progress']({ jobId });

export type PublishScope = Req<'publish:run'>['scope'];

/** Where the page's package stands: idle, running (with its polled progress), or its outcome. */
export type PublishState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: PublishProgress | null; cancelling: boolean }
  | { phase: 'finished'; result: PublishResult }
  | { phase: 'failed'; message: string };

/** The folder dialog, then the package in main's worker under a job id the page polls and may cancel. */
export function usePublish() {
  const [state, setState] = useState<PublishState>({ phase: 'idle' });
  const jobId = state.phase === 'running' ? state.jobId : null;
  const onProgress = useCallback(
    (progress: PublishProgress) =>
      setState((s) => (s.phase === 'running' && s.jobId === progress.jobId ? { ...s, progress } : s)),
    [],
  );
  useJobProgress(jobId, readProgress, onProgress);

  async function start(scope: PublishScope) {
    const calls = api();
    let folder: Res<'publish:choose-folder'>;
    try {
      folder = await calls['publish:choose-folder']({});
    } catch (e) {
      setState({ phase: 'failed', message: errorText(e) });
      return;
    }
    if (!folder) return;
    const run = newJobId();
    setState({ phase: 'running', jobId: run, progress: null, cancelling: false });
    try {
      const result = await calls['publish:run']({ scope, folderToken: folder.token, jobId: run });
      setState({ phase: 'finished', result });
    } catch (e) {
      setState({ phase: 'failed', message: errorText(e) });
    }
  }

  async function cancel() {
    if (state.phase !== 'running') return;
    setState({ ...state, cancelling: true });
    try {
      await api()['publish:cancel']({ jobId: state.jobId });
    } catch {
      // The run's own call ends with its outcome either way.
    }
  }

  return { state, start, cancel };
}
