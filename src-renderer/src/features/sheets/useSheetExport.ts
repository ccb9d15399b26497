import { useCallback, useEffect, useState } from 'react';
import type { SheetExportProgress, SheetExportResult, SheetFormat } from '@shared/ipc/channels/sheets';
import { api } from '../../api';
import { errorText, newJobId } from '../../components/files';

/** Where the page's export stands: idle, running (with its polled progress), or its outcome. */
export type SheetExportState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string; progress: SheetExportProgress | null; cancelling: boolean }
  | { phase: 'finished'; result: SheetExportResult }
  | { phase: 'failed'; message: string };

/** Polls the running job's progress (sheets:export-progress), the same in the app and in the browser harness. */
function useProgress(jobId: string | null, onProgress: (p: SheetExportProgress) => void) {
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const tick = async () => {
      try {
        const p = await api()['sheets:export-progress']({ jobId });
        if (!stopped && p.running) onProgress(p);
      } catch {
        // A missed poll only delays the bar; the export's own call reports errors.
      }
    };
    void tick();
    const timer = setInterval(tick, 250);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, onProgress]);
}

/**
 * 导出全部: the folder dialog, then the export in main's worker under a job id the page polls and may cancel. The
 * outcome (files written, cancelled, or the Chinese reason of a failure) stays shown until the next export.
 */
export function useSheetExport(drawId: number | null) {
  const [state, setState] = useState<SheetExportState>({ phase: 'idle' });
  useEffect(() => setState({ phase: 'idle' }), [drawId]);
  const jobId = state.phase === 'running' ? state.jobId : null;
  const onProgress = useCallback(
    (progress: SheetExportProgress) =>
      setState((s) => (s.phase === 'running' && s.jobId === progress.jobId ? { ...s, progress } : s)),
    [],
  );
  useProgress(jobId, onProgress);

  async function start(format: SheetFormat) {
    if (drawId === null) return;
    try {
      const folder = await api()['sheets:choose-folder']({});
      if (!folder) return;
      const id = newJobId();
      setState({ phase: 'running', jobId: id, progress: null, cancelling: false });
      const result = await api()['sheets:export']({ drawId, folderToken: folder.token, format, jobId: id });
      setState({ phase: 'finished', result });
    } catch (e) {
      setState({ phase: 'failed', message: errorText(e) });
    }
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
