import { useRef, useState } from 'react';
import type { CeremonyState } from '@shared/domain/draws';
import { api } from '../../../api';
import { errorText } from '../../../components/files';
import { usePoll } from '../../../components/usePoll';

const POLL_MS = 600;

export /** What the projector shows: draws:ceremony-state, polled; the latest answer only. */
function useCeremonyState(taskId: number) {
  const [state, setState] = useState<CeremonyState | null>(null);
  const [error, setError] = useState<string>();
  const last = useRef('');
  usePoll(
    async (stopped) => {
      try {
        const next = await api()['draws:ceremony-state']({ taskId });
        const text = JSON.stringify(next);
        if (stopped() || text === last.current) return;
        last.current = text;
        setState(next);
        setError(undefined);
      } catch (e) {
        if (!stopped()) setError(errorText(e));
      }
    },
    POLL_MS,
    [taskId],
  );
  return { state, error };
}
