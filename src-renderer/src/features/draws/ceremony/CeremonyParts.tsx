import type { CeremonyState, WitnessView } from '@shared/domain/draws';
import { gradeLabel } from '@shared/domain/tasks';
import { hashGroups } from '../HashText';
import { formatCount } from '@shared/domain/counts';

/** Witnesses shown with their role and the value in large type; more are listed a line each. */
const ROOMY_WITNESSES = 3;
export const n = formatCount;

export function Hash({
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
        <div className="ceremony-hash-pending">（承诺后公布）</div>
      )}
    </div>
  );
}

/** Beside the hashes after 承诺: every witness value as it comes; more than three, each on one line to fit them all. */
export function Witnesses({ witnesses }: { witnesses: WitnessView[] }) {
  const compact = witnesses.length > ROOMY_WITNESSES;
  return (
    <div
      className={compact ? 'ceremony-side ceremony-side-compact' : 'ceremony-side'}
      data-testid="ceremony-witnesses"
      data-count={witnesses.length}
    >
      <div className="ceremony-hash-label">见证值</div>
      {witnesses.length === 0 && <div className="ceremony-muted">请见证人依次报出见证值</div>}
      {witnesses.map((w) => (
        <div className="ceremony-witness" key={w.ordinal} data-testid={`ceremony-witness-${w.ordinal}`}>
          <div>
            {w.ordinal}. {w.kind === 'public' ? '公开值' : w.name}
            {!compact && (w.kind === 'public' || w.role) && (
              <span className="ceremony-muted"> {w.kind === 'public' ? w.name : w.role}</span>
            )}
          </div>
          <div className="ceremony-witness-value">{w.value}</div>
        </div>
      ))}
    </div>
  );
}

/** Beneath the reveal and the summary: every witness value the seed came from, and how the list is being shown. */
export function WitnessStrip({ state }: { state: CeremonyState }) {
  const position = state.reveal;
  return (
    <div className="ceremony-strip" data-testid="ceremony-witness-strip" data-count={state.witnesses.length}>
      <span className="ceremony-strip-count">共 {n(state.result?.packageCount ?? 0)} 个名单包</span>
      {state.stage === 'sealed' ? (
        <span className="ceremony-strip-sealed">结果已封存</span>
      ) : (
        position?.paused && (
          <span className="ceremony-strip-paused" data-testid="ceremony-paused">
            已暂停
          </span>
        )
      )}
      <span className="ceremony-muted">见证值</span>
      {state.witnesses.map((w) => (
        <span className="ceremony-strip-witness" key={w.ordinal} data-testid={`ceremony-strip-witness-${w.ordinal}`}>
          {w.kind === 'public' ? '公开值' : w.name} <b>{w.value}</b>
        </span>
      ))}
    </div>
  );
}

export function Busy({ state }: { state: CeremonyState }) {
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

export function Counts({ state }: { state: CeremonyState }) {
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

export function Summary({ state }: { state: CeremonyState }) {
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
        label="种子 seed（由输入摘要、随机数和见证值算出）"
        value={state.hashes?.seed ?? null}
        testId="ceremony-hash-seed"
        large
      />
      {state.amendments.slice(-2).map((a) => (
        <div key={a.ordinal} data-testid={`ceremony-amendment-${a.ordinal}`}>
          递补：第 {a.packageNo} 包 {a.out.name} → {a.in.name}（{a.reason}）
        </div>
      ))}
      <div className="ceremony-muted">
        {sealed ? '结果已封存，不可更改。任何人可用抽取证明和离线验证页核验。' : '结果待封存。'}
      </div>
    </div>
  );
}

/** Before 准备: what the task is about. */
export function Waiting({ state }: { state: CeremonyState }) {
  return (
    <div className="ceremony-center">
      <div className="ceremony-big">双随机抽取 即将开始</div>
      <div className="ceremony-line">开展时间：{state.task.period}</div>
      <div className="ceremony-muted">检查事项</div>
      {state.task.items.slice(0, 3).map((item) => (
        <div key={item}>{item}</div>
      ))}
      {state.task.items.length > 3 && <div className="ceremony-muted">等 {state.task.items.length} 项</div>}
    </div>
  );
}

/** After 准备: the counts and the frozen lists' digest. */
export function Prepared({ state }: { state: CeremonyState }) {
  return (
    <>
      <Counts state={state} />
      <Hash
        label="输入摘要 inputDigest（名单已冻结）"
        value={state.hashes!.inputDigest}
        testId="ceremony-hash-inputDigest"
        large
      />
    </>
  );
}

/** After 承诺: the published hashes beside the witness values as they come. */
export function Committed({ state }: { state: CeremonyState }) {
  return (
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
  );
}

export function Voided({ state }: { state: CeremonyState }) {
  return (
    <div className="ceremony-center" data-testid="ceremony-voided">
      <div className="ceremony-big">本次抽取已作废</div>
      <div className="ceremony-line">理由：{state.voidReason}</div>
    </div>
  );
}
