import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { CeremonyStage, CeremonyState } from '@shared/domain/draws';
import { Busy, Committed, Prepared, Summary, Voided, Waiting } from './CeremonyParts';
import { Screen } from './CeremonyScreen';
import { RevealSequence } from './RevealSequence';
import { useCeremonyState } from './useCeremonyState';
import './ceremony.css';

type Phase = 'waiting' | 'prepared' | 'committed' | 'reveal' | 'summary' | 'voided';

/** Which picture the projector shows; the reveal plays once per draw, and never for a draw first seen sealed. */
function phaseOf(state: CeremonyState, hasResult: boolean, playReveal: boolean): Phase {
  return state.stage === 'none'
    ? 'waiting'
    : state.stage === 'voided'
      ? 'voided'
      : hasResult
        ? playReveal
          ? 'reveal'
          : 'summary'
        : state.stage === 'prepared'
          ? 'prepared'
          : 'committed';
}

/**
 * 投影画面 (route /ceremony/:taskId, shown without the app's frame): the task and its counts, the commitment hashes,
 * each witness value as it is entered, an animated reveal of the drawn packages and teams, then the summary. It only
 * reads (draws:ceremony-state, polled) and has no controls: the operator drives it from the 随机抽取 page.
 */
export function CeremonyPage() {
  const taskId = Number(useParams().taskId);
  const { state, error } = useCeremonyState(taskId);
  const [revealedFor, setRevealedFor] = useState<number | null>(null);
  const firstSeen = useRef(new Map<number, CeremonyStage>());
  const finishReveal = useCallback(() => setRevealedFor(state?.drawId ?? null), [state?.drawId]);

  useEffect(() => {
    document.title = '随机抽取 — 投影画面';
  }, []);
  if (state?.drawId != null && !firstSeen.current.has(state.drawId)) firstSeen.current.set(state.drawId, state.stage);

  if (!state) {
    return (
      <Screen phase="loading">
        <div className="ceremony-center">
          <div className="ceremony-big">{error ? '无法显示抽取' : '正在连接…'}</div>
          {error && <div>{error}</div>}
        </div>
      </Screen>
    );
  }

  const drawId = state.drawId;
  const hasResult = state.result !== null && (state.stage === 'revealed' || state.stage === 'sealed');
  const playReveal =
    hasResult && drawId !== null && revealedFor !== drawId && firstSeen.current.get(drawId) !== 'sealed';
  const phase = phaseOf(state, hasResult, playReveal);

  return (
    <Screen phase={phase} stage={state.stage}>
      <div className="ceremony-head">
        <div className="ceremony-task">
          <div className="ceremony-number">
            {state.task.number} · {state.task.inspectingBody}
          </div>
          <div className="ceremony-name">{state.task.name}</div>
        </div>
        <div className="ceremony-stage" data-stage={state.stage} data-testid="ceremony-stage">
          {phase === 'reveal' ? '揭晓' : state.stageLabel}
        </div>
      </div>
      <CeremonyBody state={state} phase={phase} onRevealDone={finishReveal} />
    </Screen>
  );
}

function CeremonyBody({
  state,
  phase,
  onRevealDone,
}: {
  state: CeremonyState;
  phase: Phase;
  onRevealDone: () => void;
}) {
  const busyScreen = state.busy !== null && (phase === 'waiting' || phase === 'prepared' || phase === 'committed');
  return (
    <div className="ceremony-body">
      {/* A long step (准备, 揭晓 at city scale) takes the screen with its progress; the reveal is never interrupted. */}
      {busyScreen && <Busy state={state} />}
      {!busyScreen && phase === 'waiting' && <Waiting state={state} />}
      {!busyScreen && phase === 'prepared' && <Prepared state={state} />}
      {!busyScreen && phase === 'committed' && <Committed state={state} />}
      {phase === 'reveal' && (
        <RevealSequence
          key={state.drawId}
          packages={state.result!.packages}
          packageCount={state.result!.packageCount}
          onDone={onRevealDone}
        />
      )}
      {phase === 'summary' && <Summary state={state} />}
      {phase === 'voided' && <Voided state={state} />}
    </div>
  );
}
