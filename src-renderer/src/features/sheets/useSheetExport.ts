import { useCallback, useEffect, useRef } from 'react';
import type { SheetExportProgress, SheetExportResult, SheetFormat } from '@shared/ipc/channels/sheets';
import { api } from '../../api';
import { newJobId } from '../../components/files';
import { chooseFolder, jobEnd, jobRunning, useJob, type JobEnd, type JobState } from '../../components/useJob';

/** Where the page's export stands: idle, running (with its polled progress), or its outcome. */
export type SheetExportState = JobState<SheetExportProgress, JobEnd<SheetExportResult>>;

const readProgress = (jobId: string) => api()['sheets:export-progress']({ jobId });
const cancelExport = (jobId: string) => api()['sheets:export-cancel']({ jobId });

interface InFlight {
  drawId: number;
  jobId: string;
  outcome: Promise<JobEnd<SheetExportResult>>;
}

/** The export under way: the call to main outlives the page, so a clerk who leaves and comes back sees it again. */
let inFlight: InFlight | null = null;

/** The draw being exported now, if any (the page shows it when no other draw is asked for). */
export const exportingDrawId = (): number | null => inFlight?.drawId ?? null;

/**
 * 导出全部: the folder dialog, then the export in main's worker under a job id the page polls and may cancel. The
 * outcome (files written, cancelled, or the Chinese reason of a failure) stays shown until the next export.
 */
export function useSheetExport(drawId: number | null) {
  const { state, setState, cancel } = useJob<SheetExportProgress, JobEnd<SheetExportResult>>(
    readProgress,
    cancelExport,
  );
  const shown = useRef(drawId);
  const follow = useCallback(
    (run: InFlight) => {
      setState(jobRunning(run.jobId));
      void run.outcome.then((outcome) => {
        if (shown.current === run.drawId) setState(outcome);
      });
    },
    [setState],
  );
  useEffect(() => {
    shown.current = drawId;
    if (inFlight && inFlight.drawId === drawId) follow(inFlight);
    else setState({ phase: 'idle' });
    return () => {
      shown.current = null;
    };
  }, [drawId, follow, setState]);

  async function start(format: SheetFormat) {
    if (drawId === null) return;
    const calls = api();
    const folderToken = await chooseFolder(calls['sheets:choose-folder']({}), setState);
    if (folderToken === null) return;
    const jobId = newJobId();
    const outcome = jobEnd(calls['sheets:export']({ drawId, folderToken, format, jobId }));
    const run: InFlight = { drawId, jobId, outcome };
    inFlight = run;
    void outcome.finally(() => {
      if (inFlight === run) inFlight = null;
    });
    follow(run);
  }

  return { state, start, cancel };
}
