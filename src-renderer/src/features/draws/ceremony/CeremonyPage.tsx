import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { CeremonyStage, CeremonyState, WitnessView } from '@shared/domain/draws';
import { gradeLabel } from '@shared/domain/tasks';
import { api } from '../../../api';
import { errorText } from '../../../components/files';
import { hashGroups } from '../HashText';
import { RevealSequence } from './RevealSequence';
import './ceremony.css';

const POLL_MS = 600;
const WITNESSES_SHOWN = 3;
const n = (v: number) => v.toLocaleString('zh-CN');

/** What the projector shows: draws:ceremony-state, polled; the latest answer only. */
function useCeremonyState(taskId: number) {
  const [state, setState] = useState<CeremonyState | null>(null);
  const [error, setError] = useState<string>();
  const last = useRef('');
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api()['draws:ceremony-state']({ taskId });
        const text = JSON.stringify(next);
        if (stopped || text === last.current) return;
        last.current = text;
        setState(next);
        setError(undefined);
      } catch (e) {
        if (!stopped) setError(errorText(e));
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [taskId]);
  return { state, error };
}

function Hash({
  label,
  value,
  testId,
  large = false,
}: {
  label: string;
  value: string | null;
  testId: string;
  large?: boolean;
}) {
  const groups = value ? hashGroups(value) : [];
  return (
    <div data-testid={testId} data-value={value ?? ''} className={large ? 'ceremony-hash-large' : undefined}>
      <div className="ceremony-hash-label">{label}</div>
      {value ? (
        <div className="ceremony-hash">
          {[groups.slice(0, 4), groups.slice(4, 8)].map((line, i) => (
            <div className="ceremony-hash-line" key={i}>
              {line.map((g, j) => (
                <span key={j}>{g}</span>
              ))}
            </div>
          ))}
        </div>
      ) : (
        <div className="ceremony-hash-pending">(承诺后公布)</div>
      )}
    </div>
  );
}

function Witnesses({ witnesses }: { witnesses: WitnessView[] }) {
  const shown = witnesses.slice(-WITNESSES_SHOWN);
  return (
    <div className="ceremony-side" data-testid="ceremony-witnesses" data-count={witnesses.length}>
      <div className="ceremony-hash-label">见证值</div>
      {witnesses.length === 0 && <div className="ceremony-muted">请见证人依次报出见证值</div>}
      {witnesses.length > shown.length && (
        <div className="ceremony-muted">前 {witnesses.length - shown.length} 位已录入</div>
      )}
      {shown.map((w) => (
        <div className="ceremony-witness" key={w.ordinal} data-testid={`ceremony-witness-${w.ordinal}`}>
          <div>
            {w.ordinal}. {w.kind === 'public' ? '公开值' : w.name}
            {(w.kind === 'public' || w.role) && (
              <span className="ceremony-muted"> {w.kind === 'public' ? w.name : w.role}</span>
            )}
          </div>
          <div className="ceremony-witness-value">{w.value}</div>
        </div>
      ))}
    </div>
  );
}

function Busy({ state }: { state: CeremonyState }) {
  const busy = state.busy!;
  const percent = busy.total > 0 ? Math.round((busy.done / busy.total) * 100) : 0;
  const step = { prepare: '准备', reveal: '揭晓', seal: '封存', amend: '递补' }[busy.step];
  return (
    <div className="ceremony-center" data-testid="ceremony-busy">
      <div className="ceremony-big">正在{step}</div>
      <div>{busy.label}</div>
      <div className="ceremony-progress" style={{ width: '60%' }}>
        <div style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function CountBox({ label, value, unit }: { label: string; value: number; unit: string }) {
  return (
    <div className="ceremony-count">
      <div>{label}</div>
      <div className="ceremony-count-value">
        {n(value)}
        <span className="ceremony-count-unit"> {unit}</span>
      </div>
    </div>
  );
}

function Counts({ state }: { state: CeremonyState }) {
  const counts = state.counts!;
  return (
    <>
      <div className="ceremony-counts" data-testid="ceremony-counts">
        <CountBox label="范围内检查对象" value={counts.candidates} unit="户" />
        <CountBox label="应抽检查对象" value={counts.quota} unit="户" />
        <CountBox label="可选派执法人员" value={counts.inspectors} unit="人" />
      </div>
      <div className="ceremony-chips">
        {counts.strata.map((s) => (
          <span className="ceremony-chip" key={s.name}>
            {gradeLabel(s.name)} {n(s.candidates)} 户 → 抽 {n(s.quota)} 户
          </span>
        ))}
      </div>
    </>
  );
}

function Summary({ state }: { state: CeremonyState }) {
  const result = state.result!;
  const sealed = state.stage === 'sealed';
  return (
    <div className="ceremony-main" data-testid="ceremony-summary">
      <div className="ceremony-counts">
        <CountBox label="抽中检查对象" value={result.selected} unit="户" />
        <CountBox label="名单包 · 检查组" value={result.packageCount} unit="个" />
      </div>
      <div className="ceremony-chips">
        {state.counts!.strata.map((s) => (
          <span className="ceremony-chip" key={s.name}>
            {gradeLabel(s.name)} 应抽 {n(s.quota)} · 实抽 {n(s.selected)}
          </span>
        ))}
      </div>
      <Hash
        label="种子 seed(由输入摘要、随机数和见证值算出)"
        value={state.hashes?.seed ?? null}
        testId="ceremony-hash-seed"
        large
      />
      {state.amendments.slice(-2).map((a) => (
        <div key={a.ordinal} data-testid={`ceremony-amendment-${a.ordinal}`}>
          递补:第 {a.packageNo} 组 {a.out.name} → {a.in.name}({a.reason})
        </div>
      ))}
      <div className="ceremony-muted">
        {sealed ? '结果已封存,不可更改。任何人可用抽取证明和离线验证页核验。' : '结果待封存。'}
      </div>
    </div>
  );
}

/** The projector's picture: laid out at 1920×1080 (type ≥ 48 px there), scaled to fit the window as one picture. */
function Screen({ phase, stage, children }: { phase: string; stage?: CeremonyStage; children: ReactNode }) {
  const screen = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const element = screen.current!;
    const fit = () => setScale(Math.min(element.clientWidth / 1920, element.clientHeight / 1080));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="ceremony-screen" ref={screen}>
      <div
        className="ceremony"
        data-testid="ceremony-view"
        data-phase={phase}
        data-stage={stage}
        style={scale === 1 ? undefined : { transform: `scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}

type Phase = 'waiting' | 'prepared' | 'committed' | 'reveal' | 'summary' | 'voided';

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
  const phase: Phase =
    state.stage === 'none'
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

  const busyScreen = state.busy !== null && (phase === 'waiting' || phase === 'prepared' || phase === 'committed');

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
      <div className="ceremony-body">
        {/* A long step (准备, 揭晓 at city scale) takes the screen with its progress; the reveal is never interrupted. */}
        {busyScreen && <Busy state={state} />}
        {!busyScreen && phase === 'waiting' && (
          <div className="ceremony-center">
            <div className="ceremony-big">双随机抽取 即将开始</div>
            <div className="ceremony-line">开展时间:{state.task.period}</div>
            <div className="ceremony-muted">检查事项</div>
            {state.task.items.slice(0, 3).map((item) => (
              <div key={item}>{item}</div>
            ))}
            {state.task.items.length > 3 && <div className="ceremony-muted">等 {state.task.items.length} 项</div>}
          </div>
        )}
        {!busyScreen && phase === 'prepared' && (
          <>
            <Counts state={state} />
            <Hash
              label="输入摘要 inputDigest(名单已冻结)"
              value={state.hashes!.inputDigest}
              testId="ceremony-hash-inputDigest"
              large
            />
          </>
        )}
        {!busyScreen && phase === 'committed' && (
          <div className="ceremony-columns">
            <div className="ceremony-main">
              <Hash label="输入摘要 inputDigest" value={state.hashes!.inputDigest} testId="ceremony-hash-inputDigest" />
              <Hash label="承诺值 nonceCommit" value={state.hashes!.nonceCommit} testId="ceremony-hash-nonceCommit" />
              <div className="ceremony-line ceremony-muted">
                地点 {state.place} · 监督 {state.supervisor}
              </div>
              <div className="ceremony-line ceremony-muted">
                范围内 {n(state.counts!.candidates)} 户 · 应抽 {n(state.counts!.quota)} 户
              </div>
            </div>
            <Witnesses witnesses={state.witnesses} />
          </div>
        )}
        {phase === 'reveal' && (
          <RevealSequence
            key={drawId}
            packages={state.result!.packages}
            packageCount={state.result!.packageCount}
            onDone={finishReveal}
          />
        )}
        {phase === 'summary' && <Summary state={state} />}
        {phase === 'voided' && (
          <div className="ceremony-center" data-testid="ceremony-voided">
            <div className="ceremony-big">本次抽取已作废</div>
            <div className="ceremony-line">理由:{state.voidReason}</div>
          </div>
        )}
      </div>
    </Screen>
  );
}
