import { useEffect } from 'react';
import { useParams } from 'react-router';
import type { CeremonyState } from '@shared/domain/draws';
import { Busy, Committed, Prepared, Summary, Voided, Waiting } from './CeremonyParts';
import { Screen } from './CeremonyScreen';
import { RevealScreen } from './RevealScreen';
import { useCeremonyState } from './useCeremonyState';
import './ceremony.css';

type Phase = 'waiting' | 'prepared' | 'committed' | 'reveal' | 'summary' | 'voided';

/** Which picture the projector shows; after 揭晓, the operator's choice: a screen of the drawn list or the summary. */
function phaseOf(state: CeremonyState): Phase {
  if (state.stage === 'none') return 'waiting';
  if (state.stage === 'voided') return 'voided';
  if (state.result && state.reveal) return state.reveal.view === 'list' ? 'reveal' : 'summary';
  return state.stage === 'prepared' ? 'prepared' : 'committed';
}

/**
 * 投影画面 (route /ceremony/:taskId, shown without the app's frame): the task and its counts, the commitment hashes,
 * each witness value as it is entered, the drawn packages screen by screen, the summary. It only reads
 * (draws:ceremony-state, polled) and has no controls: the operator drives it from the 随机抽取 page, so a window
 * opened late or reloaded shows where the draw is.
 */
export function CeremonyPage() {
  const taskId = Number(useParams().taskId);
  const { state, error } = useCeremonyState(taskId);

  useEffect(() => {
    document.title = '随机抽取 — 投影画面';
  }, []);

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

  const phase = phaseOf(state);
  if (phase === 'reveal') {
    return (
      <Screen phase={phase} stage={state.stage} fluid>
        <RevealScreen state={state} />
      </Screen>
    );
  }
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
          {state.stageLabel}
        </div>
      </div>
      <CeremonyBody state={state} phase={phase} />
    </Screen>
  );
}

function CeremonyBody({ state, phase }: { state: CeremonyState; phase: Phase }) {
  const busyScreen = state.busy !== null && (phase === 'waiting' || phase === 'prepared' || phase === 'committed');
  return (
    <div className="ceremony-body">
      {/* A long step (准备, 揭晓 at city scale) takes the screen with its progress; the reveal is never interrupted. */}
      {busyScreen && <Busy state={state} />}
      {!busyScreen && phase === 'waiting' && <Waiting state={state} />}
      {!busyScreen && phase === 'prepared' && <Prepared state={state} />}
      {!busyScreen && phase === 'committed' && <Committed state={state} />}
      {phase === 'summary' && <Summary state={state} />}
      {phase === 'voided' && <Voided state={state} />}
    </div>
  );
}
