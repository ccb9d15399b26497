/**
 * The import as the pages run it: detect (mapping dialog) → preview → confirm, each pass a worker job tracked
 * by id for progress and cancel; previews are kept in memory until the app closes.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportReportView, JobProgressView } from '@shared/domain/roster-views';
import type { RosterKind } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { ImportProblem } from '@shared/import/problems';
import { choiceMap, type ValueChoice, type ValueMapping } from '@shared/import/value-guesses';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import type { DbConnection } from '../db/connection';
import type { ImportReport } from './import';
import { startImportJob, type ImportJob, type ImportJobRequest } from './import-job';
import { detectShape, rememberMapping, shapeOf, type FileShape } from './mappings';

export interface PreviewSession {
  kind: RosterKind;
  path: string;
  fileName: string;
  mapping: Record<string, number>;
  rejectRows: Map<number, ImportProblem[]>;
  problems: ImportProblem[];
  /** The values the preview read by synonym: the only ones a confirm may answer for. */
  valueMappings: ValueMapping[];
  confirmed: boolean;
  /** The file's shape and the mapping its header suggests: a confirmed mapping that differs is remembered. */
  shape: FileShape;
}

export interface RosterServiceDeps {
  files: FileTokens;
  /** Progress of a running import, pushed to the renderer in the app (job:progress events); optional. */
  onJobProgress?: (progress: JobProgressView) => void;
}

/** What the import passes share: the connection, the context, and the jobs, previews and shapes in memory. */
export interface ImportSessions {
  conn: DbConnection;
  ctx: ServiceContext;
  deps: RosterServiceDeps;
  previews: Map<string, PreviewSession>;
  jobs: Map<string, ImportJob>;
  finishedJobs: Map<string, JobProgressView>;
  shapes: Map<string, FileShape>;
}

export function createImportSessions(conn: DbConnection, ctx: ServiceContext, deps: RosterServiceDeps): ImportSessions {
  return { conn, ctx, deps, previews: new Map(), jobs: new Map(), finishedJobs: new Map(), shapes: new Map() };
}

const shapeKey = (kind: RosterKind, fileToken: string) => `${kind}\u0001${fileToken}`;

function trackJob(s: ImportSessions, id: string, job: ImportJob) {
  s.jobs.set(id, job);
  void job.result
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      s.jobs.delete(id);
      s.finishedJobs.set(id, { jobId: id, running: false, ...job.progress });
      if (s.finishedJobs.size > 50) s.finishedJobs.delete(s.finishedJobs.keys().next().value!);
    });
}

async function runJob(s: ImportSessions, jobId: string | undefined, request: ImportJobRequest) {
  const id = jobId ?? randomUUID();
  const job = startImportJob(request, (p) => s.deps.onJobProgress?.({ jobId: id, running: true, ...p }));
  trackJob(s, id, job);
  return job.result;
}

function view(previewId: string, session: PreviewSession, report: ImportReport): ImportReportView {
  return { previewId, fileName: session.fileName, ...report };
}

export async function importDetect(s: ImportSessions, req: ParsedReq<'roster:import-detect'>) {
  const proposal = await detectShape(s.conn.raw, s.deps.files.resolve(req.fileToken, 'open'), req.kind);
  s.shapes.set(shapeKey(req.kind, req.fileToken), shapeOf(proposal));
  return proposal;
}

export async function importPreview(
  s: ImportSessions,
  req: ParsedReq<'roster:import-preview'>,
): Promise<ImportReportView> {
  const path = s.deps.files.resolve(req.fileToken, 'open');
  // The mapping dialog detected this file already; a caller that skipped it (tests, scripts) gets the same
  // detection here, remembered mapping included.
  let shape = s.shapes.get(shapeKey(req.kind, req.fileToken));
  let mapping = req.mapping;
  if (!shape || mapping === undefined) {
    const proposal = await detectShape(s.conn.raw, path, req.kind);
    shape = shapeOf(proposal);
    mapping ??= proposal.detection.mapping;
  }
  const { report, rejectRows } = await runJob(s, req.jobId, {
    dbPath: s.conn.path,
    kind: req.kind,
    path,
    mode: 'preview',
    mapping,
    actor: s.ctx.actor(),
    nowIso: s.ctx.now().toISOString(),
    fileLabel: basename(path),
  });
  const previewId = randomUUID();
  const session: PreviewSession = {
    kind: req.kind,
    path,
    fileName: basename(path),
    mapping: report.mapping,
    rejectRows,
    problems: report.problems,
    valueMappings: report.valueMappings,
    confirmed: false,
    shape,
  };
  s.previews.set(previewId, session);
  return view(previewId, session, report);
}

/**
 * The preview's in-file duplicates, plus the flagged rows the clerk did not accept (a USCC whose check digit
 * fails is kept by default — early codes can be like that — unless the clerk declines the row).
 */
function rowsToReject(session: PreviewSession, declineRows: readonly number[]): Map<number, ImportProblem[]> {
  const rejected = new Map(session.rejectRows);
  if (declineRows.length === 0) return rejected;
  const flagsByRow = new Map<number, ImportProblem[]>();
  for (const p of session.problems)
    if (p.severity === 'flag') flagsByRow.set(p.row, [...(flagsByRow.get(p.row) ?? []), p]);
  for (const row of new Set(declineRows)) {
    const flags = flagsByRow.get(row);
    if (!flags)
      throw new AppError('import.declineNotFlagged', `第 ${row} 行没有需要确认的提示，不能单独不导入。请重新预览。`);
    const declined: ImportProblem = {
      row,
      column: flags[0].column,
      field: flags[0].field,
      severity: 'error',
      code: 'flag.declined',
      reason: `未接受本行的提示，本行未导入（${flags.map((f) => f.reason).join('；')}）`,
    };
    rejected.set(row, [...(rejected.get(row) ?? []), declined]);
  }
  return rejected;
}

/** The clerk's answers, each for a value the preview listed and naming a value of its field. */
function checkedChoices(session: PreviewSession, choices: readonly ValueChoice[]): ValueChoice[] {
  choiceMap(session.kind, choices);
  for (const c of choices) {
    if (!session.valueMappings.some((m) => m.field === c.field && m.source === c.source))
      throw new AppError('import.badValueChoice', `预览中没有“${c.source}”这一取值，请重新预览后再选择。`);
  }
  return [...choices];
}

export async function importConfirm(
  s: ImportSessions,
  req: ParsedReq<'roster:import-confirm'>,
): Promise<ImportReportView> {
  const session = s.previews.get(req.previewId);
  if (!session) throw new AppError('import.previewExpired', '预览已失效（程序可能已重新启动），请重新选择文件并预览。');
  if (session.confirmed)
    throw new AppError('import.alreadyConfirmed', '这次预览的数据已导入，不能重复导入。如需再次导入，请重新预览。');
  const { report } = await runJob(s, req.jobId, {
    dbPath: s.conn.path,
    kind: session.kind,
    path: session.path,
    mode: 'confirm',
    mapping: session.mapping,
    rejectRows: [...rowsToReject(session, req.declineRows ?? [])],
    valueChoices: checkedChoices(session, req.valueChoices ?? []),
    actor: s.ctx.actor(),
    nowIso: s.ctx.now().toISOString(),
    fileLabel: session.fileName,
  });
  // Kept (marked) so the rejected-rows report can still be exported after the import; it now lists what the
  // import actually did, declined rows included.
  session.confirmed = true;
  session.problems = report.problems;
  await rememberMapping(s.conn.db, s.conn.raw, s.ctx, session);
  return view(req.previewId, session, report);
}

export function importCancel(s: ImportSessions, jobId: string): { cancelled: boolean } {
  const job = s.jobs.get(jobId);
  job?.cancel();
  return { cancelled: job !== undefined };
}

export function jobProgress(s: ImportSessions, jobId: string): JobProgressView {
  const job = s.jobs.get(jobId);
  if (job) return { jobId, running: true, ...job.progress };
  return s.finishedJobs.get(jobId) ?? { jobId, running: false, rowsRead: 0, rowsWritten: 0 };
}
