import { useEffect, useState } from 'react';
import type { JobProgressView } from '@shared/domain/roster-views';
import { api } from '../../../api';

/**
 * Progress of a running import job (rows read / rows written), polled through job:progress while `jobId` is set.
 * Polling works the same in the desktop app and in the browser harness.
 */
export function useJobProgress(jobId: string | null, intervalMs = 250): JobProgressView | null {
  const [progress, setProgress] = useState<JobProgressView | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return;
    let stopped = false;
    const tick = () => {
      const request = api()['job:progress']({ jobId });
      request
        .then((p) => {
          if (!stopped) setProgress(p);
        })
        .catch(() => undefined);
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, intervalMs]);
  return progress;
}
