/**
 * The task editor's form values and their translation to and from what the services take (tasks:save,
 * tasks:scope-preview). Ratios are shown in percent and sent as integer basis points (1% = 100).
 */
import dayjs, { type Dayjs } from 'dayjs';
import {
  FIXED_COUNT,
  GRADE_RATIO_BP,
  MAX_PACKAGES_PER_INSPECTOR,
  numberProblem,
  PACKAGE_SIZE,
  percentToBp,
  RATIO_BP,
  RECENT_YEARS,
  TEAM_SIZE,
  type NumberRule,
} from '@shared/domain/number-rules';
import type { Settings } from '@shared/domain/settings';
import {
  GRADE_KEYS,
  type GradeKey,
  type InspectorScopeKind,
  type TaskRatio,
  type TaskRefusal,
  type TaskScope,
  type TaskView,
} from '@shared/domain/tasks';
import type { Req } from '@shared/ipc/contract';

export type RatioMode = TaskRatio['mode'];

export interface TaskFormValues {
  name: string;
  itemIds: number[];
  leadDepartment: string;
  joiningDepartments: string[];
  period: [Dayjs, Dayjs] | null;
  frequency: string;
  scope: TaskScope;
  excludeRecentYears: number;
  ratioMode: RatioMode;
  /** Percent per grade (3 = 3%). */
  gradePct: Record<GradeKey, number>;
  uniformPct: number;
  fixedCount: number;
  teamSize: number;
  packageSize: number;
  maxPackagesPerInspector: number;
  clusterBy: 'none' | 'area';
  requiredTags: string[];
  inspectorScopeKind: InspectorScopeKind;
  inspectorOffices: string[];
  includeExperts: boolean;
  expertTags: string[];
  avoidOwnOffice: boolean;
  distinctOffices: boolean;
  conflicts: { inspector: string; entity: string; reason: string }[];
  changeReason?: string;
}

/** Percent as typed → basis points; a value the field's rule refuses is sent as it is, never rounded. */
export const pctToBp = (pct: number | null | undefined): number => percentToBp(pct ?? 0);
export const bpToPct = (bp: number): number => bp / 100;

const ISO = 'YYYY-MM-DD';

function gradePctOf(gradeBp: Record<GradeKey, number>): Record<GradeKey, number> {
  return Object.fromEntries(GRADE_KEYS.map((g) => [g, bpToPct(gradeBp[g])])) as Record<GradeKey, number>;
}

/** The form for an existing task, or a new one with the bureau's defaults (settings) in the plan's year. */
export function formValuesOf(task: TaskView | null, settings: Settings, year: number): TaskFormValues {
  const defaultGrades: Record<GradeKey, number> = { ...settings.gradeRatioBp, 未评级: settings.defaultRatioBp };
  if (task) {
    const ratio = task.ratio;
    return {
      name: task.name,
      itemIds: task.items.map((i) => i.id),
      leadDepartment: task.leadDepartment,
      joiningDepartments: task.joiningDepartments,
      period: [dayjs(task.startDate, ISO), dayjs(task.endDate, ISO)],
      frequency: task.frequency,
      scope: task.scope,
      excludeRecentYears: task.excludeRecentYears,
      ratioMode: ratio.mode,
      gradePct: gradePctOf(ratio.mode === 'grades' ? ratio.gradeBp : defaultGrades),
      uniformPct: bpToPct(ratio.mode === 'uniform' ? ratio.bp : settings.defaultRatioBp),
      fixedCount: ratio.mode === 'fixed' ? ratio.count : 50,
      teamSize: task.teamSize,
      packageSize: task.packageSize,
      maxPackagesPerInspector: task.maxPackagesPerInspector,
      clusterBy: task.clusterBy,
      requiredTags: task.requiredTags,
      inspectorScopeKind: task.inspectorScope.kind,
      inspectorOffices: task.inspectorScope.offices,
      includeExperts: task.includeExperts,
      expertTags: task.expertTags,
      avoidOwnOffice: task.avoidOwnOffice,
      distinctOffices: task.distinctOffices,
      conflicts: task.conflicts,
    };
  }
  const today = dayjs();
  const start = today.year() === year ? today : dayjs(`${year}-01-01`, ISO);
  return {
    name: '',
    itemIds: [],
    leadDepartment: settings.bureauName,
    joiningDepartments: [],
    period: [start, dayjs(`${year}-12-31`, ISO)],
    frequency: '每年1次',
    scope: { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] },
    excludeRecentYears: settings.recentInspectionYears,
    ratioMode: 'grades',
    gradePct: gradePctOf(defaultGrades),
    uniformPct: bpToPct(settings.defaultRatioBp),
    fixedCount: 50,
    teamSize: settings.minTeamSize,
    packageSize: 3,
    maxPackagesPerInspector: 4,
    clusterBy: 'none',
    requiredTags: [],
    inspectorScopeKind: '全局',
    inspectorOffices: [],
    includeExperts: false,
    expertTags: [],
    avoidOwnOffice: settings.avoidOwnOffice,
    distinctOffices: false,
    conflicts: [],
  };
}

export function ratioOf(v: Pick<TaskFormValues, 'ratioMode' | 'gradePct' | 'uniformPct' | 'fixedCount'>): TaskRatio {
  if (v.ratioMode === 'uniform') return { mode: 'uniform', bp: pctToBp(v.uniformPct) };
  if (v.ratioMode === 'fixed') return { mode: 'fixed', count: v.fixedCount ?? 0 };
  return {
    mode: 'grades',
    gradeBp: Object.fromEntries(GRADE_KEYS.map((g) => [g, pctToBp(v.gradePct?.[g])])) as Record<GradeKey, number>,
  };
}

const emptyScope: TaskScope = { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] };

/** The scope as the channels take it (entity types are the checkbox choices, ENTITY_TYPE_CHOICES). */
const scopeOf = (scope: Partial<TaskScope> | undefined) =>
  ({ ...emptyScope, ...scope }) as Req<'tasks:scope-preview'>['scope'];

/** What the live preview asks (tasks:scope-preview); null while the form cannot say it yet. */
export function scopeRequestOf(v: Partial<TaskFormValues> | undefined): Req<'tasks:scope-preview'> | null {
  if (!v || !v.ratioMode) return null;
  const start = v.period?.[0];
  const ratio = ratioOf(v as TaskFormValues);
  if (ratioProblem(ratio) || numberProblem(RECENT_YEARS, v.excludeRecentYears ?? 0)) return null;
  const request: Req<'tasks:scope-preview'> = {
    scope: scopeOf(v.scope),
    excludeRecentYears: v.excludeRecentYears ?? 0,
    ratio,
    startDate: (start ?? dayjs()).format(ISO),
  };
  const pool = poolRequestOf(v);
  return pool ? { ...request, pool } : request;
}

/** Whether the ratio's fields pass their rules (the form shows why not at the field). */
function ratioProblem(ratio: TaskRatio): boolean {
  if (ratio.mode === 'uniform') return numberProblem(RATIO_BP, ratio.bp) !== null;
  if (ratio.mode === 'fixed') return numberProblem(FIXED_COUNT, ratio.count) !== null;
  return GRADE_KEYS.some((g) => numberProblem(GRADE_RATIO_BP, ratio.gradeBp[g]) !== null);
}

const passes = (rule: NumberRule, n: unknown): n is number => numberProblem(rule, n) === null;

/** The inspector side of the live preview; null while the team settings are not yet valid (the form says why). */
function poolRequestOf(v: Partial<TaskFormValues>): Req<'tasks:scope-preview'>['pool'] | null {
  if (
    !passes(TEAM_SIZE, v.teamSize) ||
    !passes(PACKAGE_SIZE, v.packageSize) ||
    !passes(MAX_PACKAGES_PER_INSPECTOR, v.maxPackagesPerInspector) ||
    !v.inspectorScopeKind
  )
    return null;
  return {
    joiningDepartments: v.joiningDepartments ?? [],
    ...inspectorSideOf(v.inspectorScopeKind, v),
    teamSize: v.teamSize,
    packageSize: v.packageSize,
    maxPackagesPerInspector: v.maxPackagesPerInspector,
  };
}

/** Who may be sent, as tasks:save and the live preview take it: the offices only for a scope that names them, the expert fields only with experts. */
function inspectorSideOf(kind: TaskFormValues['inspectorScopeKind'], v: Partial<TaskFormValues>) {
  return {
    inspectorScope: { kind, offices: kind === '全局' ? [] : (v.inspectorOffices ?? []) },
    includeExperts: v.includeExperts ?? false,
    expertTags: v.includeExperts ? (v.expertTags ?? []) : [],
  };
}

/** The request of tasks:save. */
export function taskInputOf(v: TaskFormValues, planId: number, id: number | undefined): Req<'tasks:save'> {
  const [start, end] = v.period ?? [dayjs(), dayjs()];
  return {
    id,
    planId,
    name: v.name,
    leadDepartment: v.leadDepartment,
    joiningDepartments: v.joiningDepartments ?? [],
    itemIds: v.itemIds ?? [],
    startDate: start.format(ISO),
    endDate: end.format(ISO),
    frequency: v.frequency,
    scope: scopeOf(v.scope),
    excludeRecentYears: v.excludeRecentYears ?? 0,
    ratio: ratioOf(v),
    teamSize: v.teamSize,
    packageSize: v.packageSize,
    maxPackagesPerInspector: v.maxPackagesPerInspector,
    clusterBy: v.clusterBy,
    requiredTags: v.requiredTags ?? [],
    ...inspectorSideOf(v.inspectorScopeKind, v),
    avoidOwnOffice: v.avoidOwnOffice,
    distinctOffices: v.distinctOffices,
    conflicts: (v.conflicts ?? [])
      .filter((c) => c && (c.inspector || c.entity))
      .map((c) => ({ inspector: c.inspector ?? '', entity: c.entity ?? '', reason: c.reason ?? '' })),
    changeReason: v.changeReason?.trim() ? v.changeReason.trim() : undefined,
  };
}

/** Where the editor shows a refusal of tasks:save about `field` (TaskRefusal); undefined: no one field. */
export function formFieldOf(field: TaskRefusal['field'], mode: RatioMode): keyof TaskFormValues | undefined {
  if (field === 'ratio') return mode === 'uniform' ? 'uniformPct' : mode === 'fixed' ? 'fixedCount' : 'ratioMode';
  if (field === 'startDate' || field === 'endDate') return 'period';
  if (field === 'inspectorScope') return 'inspectorOffices';
  return field in FORM_FIELDS ? (field as keyof TaskFormValues) : undefined;
}

/** The request's fields the form has under the same name. */
const FORM_FIELDS: Partial<Record<TaskRefusal['field'], true>> = {
  name: true,
  leadDepartment: true,
  joiningDepartments: true,
  itemIds: true,
  frequency: true,
  excludeRecentYears: true,
  teamSize: true,
  packageSize: true,
  maxPackagesPerInspector: true,
  changeReason: true,
};
