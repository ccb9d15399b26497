import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultEntry, ResultProblem, ResultState } from '@shared/domain/results';
import type { ResultSheetView } from '@shared/domain/result-views';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { blankEntry, clearBackup, readBackup, refusalProblems, writeBackup } from './entryModel';

/** How long typing must pause before the draft is saved. */
const SAVE_DELAY_MS = 700;

export type SaveStatus =
  | { kind: 'clean' }
  | { kind: 'typing' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'refused'; message: string };

/**
 * The entry as typed, saved as a draft when typing pauses (and kept in local storage until the database holds it),
 * and submitted (提交) to be entered. A refused save keeps every character and reports each problem at its field.
 */
export function useEntryDraft(view: ResultSheetView) {
  const { drawId, entityId, taskIds } = view;
  const [backup] = useState(() => readBackup(view));
  const [entry, setEntryState] = useState<ResultEntry>(() => backup ?? view.entry ?? blankEntry(view));
  const [problems, setProblems] = useState<ResultProblem[]>(view.problems);
  const [state, setState] = useState<ResultState>(view.state);
  const [status, setStatus] = useState<SaveStatus>(() =>
    backup ? { kind: 'typing' } : view.savedAt ? { kind: 'saved', at: view.savedAt } : { kind: 'clean' },
  );
  const latest = useRef(entry);
  const edits = useRef(backup ? 1 : 0);
  const stored = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastSaved = useRef(view.savedAt);

  const save = useCallback(
    (draft: boolean) => {
      const run = async () => {
        const edit = edits.current;
        if (draft && edit === stored.current) return true;
        setStatus({ kind: 'saving' });
        try {
          const saved = await api()['results:save']({ drawId, entityId, taskIds, entry: latest.current, draft });
          stored.current = edit;
          lastSaved.current = saved.savedAt;
          if (edit === edits.current) clearBackup(view);
          setProblems(saved.problems);
          setState(saved.state);
          setStatus(edit === edits.current ? { kind: 'saved', at: saved.savedAt } : { kind: 'typing' });
          return true;
        } catch (e) {
          setProblems(refusalProblems(e));
          // A refused 提交 leaves the stored draft as it was: still saved, just not entered.
          const kept = !draft && edit === stored.current && lastSaved.current;
          setStatus(kept ? { kind: 'saved', at: kept } : { kind: 'refused', message: errorText(e) });
          return false;
        }
      };
      const next = queue.current.then(run);
      queue.current = next.catch(() => false);
      return next;
    },
    [view, drawId, entityId, taskIds],
  );

  const setEntry = useCallback(
    (change: (e: ResultEntry) => ResultEntry) => {
      const next = change(latest.current);
      latest.current = next;
      edits.current++;
      writeBackup(view, next, new Date());
      setEntryState(next);
      setStatus({ kind: 'typing' });
    },
    [view],
  );

  useEffect(() => {
    if (status.kind !== 'typing') return;
    const timer = setTimeout(() => void save(true), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [entry, status.kind, save]);

  /** Saves what is pending now (before leaving the entity). */
  const flush = useCallback(() => save(true), [save]);
  const submit = useCallback(async () => (await save(true)) && save(false), [save]);
  return { entry, setEntry, problems, state, status, flush, submit };
}
