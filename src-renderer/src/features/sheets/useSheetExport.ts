import { useCallback, useEffect, useRef, useState } from 'react';
import type { SheetExportProgress, SheetExportResult, SheetFormat } from '@shared/ipc/channels/sheets';
import type { Res } from '@shared/ipc/contract';
import { api } from '../../api';
import { errorText, newJobId } from '../../components/files';
import { useJobProgress } from '../../components/useJobProgress';

/** Where the page's export stands: idle, running (with its polled progress), or its outcome. */
export type SheetExportState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: SheetExportProgress | null; cancelling: boolean }
  | { phase: 'finished'; result: SheetExportResult }
  | { phase: 'failed'; message: string };

const readProgress = (jobId: string) => api()['sheets:export-progress']({ jobId });

interface InFlight {
  drawId: number;
  jobId: string;
  outcome: Promise<SheetExportState>;
}

/** The export under way: the call to main outlives the page, so a clerk who leaves and comes back sees it again. */
let inFlight: InFlight | null = null;

/** The draw being exported now, if any (the page shows it when no other draw is asked for). */
export const exportingDrawId = (): number | null => inFlight?.drawId ?? null;

const runningState = (run: InFlight): SheetExportState => ({
  phase: 'running',
  jobId: run.jobId,
  progress: null,
  cancelling: false,
});

/**
 * 导出全部: the folder dialog, then the export in main's worker under a job id the page polls and may cancel. The
 * outcome (files written, cancelled, or the Chinese reason of a failure) stays shown until the next export.
 */
export function useSheetExport(drawId: number | null) {
  const [state, setState] = useState<SheetExportState>({ phase: 'idle' });
  const shown = useRef(drawId);
  const follow = useCallback((run: InFlight) => {
    setState(runningState(run));
    void run.outcome.then((outcome) => {
      if (shown.current === run.drawId) setState(outcome);
    });
  }, []);
  useEffect(() => {
    shown.current = drawId;
    if (inFlight && inFlight.drawId === drawId) follow(inFlight);
    else setState({ phase: 'idle' });
    return () => {
      shown.current = null;
    };
  }, [drawId, follow]);
  const jobId = state.phase === 'running' ? state.jobId : null;
  const onProgress = useCallback(
    (progress: SheetExportProgress) =>
      setState((s) => (s.phase === 'running' && s.jobId === progress.jobId ? { ...s, progress } : s)),
    [],
  );
  useJobProgress(jobId, readProgress, onProgress);

  async function start(format: SheetFormat) {
    if (drawId === null) return;
    const calls = api();
    let folder: Res<'sheets:choose-folder'>;
    try {
      folder = await calls['sheets:choose-folder']({});
    } catch (e) {
      setState({ phase: 'failed', message: errorText(e) });
      return;
    }
    if (!folder) return;
    const jobId = newJobId();
    const outcome = calls['sheets:export']({ drawId, folderToken: folder.token, format, jobId }).then(
      (result): SheetExportState => ({ phase: 'finished', result }),
      (e: unknown): SheetExportState => ({ phase: 'failed', message: errorText(e) }),
    );
    const run: InFlight = { drawId, jobId, outcome };
    inFlight = run;
    void outcome.finally(() => {
      if (inFlight === run) inFlight = null;
    });
    follow(run);
  }

  async function cancel() {
    if (state.phase !== 'running') return;
    setState({ ...state, cancelling: true });
    try {
      await api()['sheets:export-cancel']({ jobId: state.jobId });
    } catch {
      // The export's own call ends with its outcome either way.
    }
  }

  return { state, start, cancel };
}
