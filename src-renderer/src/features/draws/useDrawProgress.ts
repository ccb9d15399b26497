import { useEffect, useState } from 'react';
import type { DrawProgress } from '@shared/domain/draws';
import { api } from '../../api';
import { usePoll } from '../../components/usePoll';

/**
 * While a long step runs in the draw worker (准备, 揭晓, 封存, 递补), what it is doing: polled from
 * draws:ceremony-state (the same progress the projector shows). The page stays responsive meanwhile.
 */
export function useDrawProgress(taskId: number, active: boolean): DrawProgress | null {
  const [progress, setProgress] = useState<DrawProgress | null>(null);
  useEffect(() => {
    if (!active) setProgress(null);
  }, [active]);
  usePoll(
    async (stopped) => {
      try {
        const state = await api()['draws:ceremony-state']({ taskId });
        if (!stopped()) setProgress(state.busy);
      } catch {
        // The step's own call reports errors; a missed poll only delays the bar.
      }
    },
    300,
    [taskId],
    active,
  );
  return progress;
}
