/**
 * What leaves the draws of a sealed draw: the proof file (with the offline verify page beside it) and the two parts of
 * the record as PDF, each export with its audit row.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DrawRecordCommit, DrawRecordResult } from '@shared/domain/documents';
import { verifyPageName } from '@shared/domain/draws';
import type { ParsedReq } from '@shared/ipc/schemas';
import { auditDraw } from './draw-audit';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import { writeFileSafely } from '../app/safe-write';
import { latestRecord, recordCommit } from './records';
import { wrongState } from './draw-state';
import { latestProof, loadDrawRow, storedInputs, type ProofBody } from './views';

export interface DrawRenderers {
  renderDrawRecordCommitPdf(record: DrawRecordCommit): Promise<Buffer>;
  renderDrawRecordResultPdf(record: DrawRecordResult): Promise<Buffer>;
  /** The folder holding verify.html (the offline verify page). */
  resourcesDir(): string;
}

/** What the exports need besides the database. */
export interface ExportDeps {
  raw: BetterSqlite3.Database;
  ctx: ServiceContext;
  files: FileTokens;
  renderers: () => Promise<DrawRenderers>;
}

/**
 * The proof file: the stored body with C(inputs) put back as its "inputs" member, byte for byte as digested. Small
 * proofs are indented for people; a city-scale one stays compact (tens of MB).
 */
export function proofJson(body: ProofBody, canonicalInputs: Buffer): string {
  const { spec, ...rest } = body;
  const text = `{"spec":${JSON.stringify(spec)},"inputs":${canonicalInputs.toString('utf8')},${JSON.stringify(rest).slice(1)}`;
  return text.length < 2_000_000 ? JSON.stringify(JSON.parse(text), null, 1) : text;
}

/** Part two of the record as sealed or last amended. */
export function resultRecord(raw: BetterSqlite3.Database, drawId: number): DrawRecordResult {
  const record = latestRecord(raw, drawId);
  if (record === null) throw wrongState(loadDrawRow(raw, drawId), '打印记录表第二部分（封存后才有）');
  return record;
}

/** The published proof of a sealed draw (latest version), ready to verify. */
export function proofText(raw: BetterSqlite3.Database, drawId: number): string {
  const draw = loadDrawRow(raw, drawId);
  const proof = latestProof(raw, drawId);
  if (draw.state !== 'sealed' || !proof) throw wrongState(draw, '导出抽取记录（封存后才能导出）');
  return proofJson(proof.body, storedInputs(raw, drawId)!);
}

function audit({ raw, ctx }: ExportDeps, action: string, drawId: number, detail: unknown) {
  raw.transaction(() => auditDraw(raw, ctx.actor(), ctx.now(), action, drawId, detail)).immediate();
}

/**
 * The proof JSON where the save dialog points and, when the clerk said yes, the offline verify page beside it (to open
 * in any browser): nothing is written that the clerk did not ask for.
 */
export async function exportProof(
  deps: ExportDeps,
  req: ParsedReq<'draws:export-proof'>,
): Promise<{ fileName: string; verifyPage: string | null }> {
  const text = proofText(deps.raw, req.drawId);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeFileSafely(path, `${text}\n`);
  let verifyPage: string | null = null;
  if (req.verifyPage) {
    verifyPage = verifyPageName(basename(path));
    const page = await readFile(join((await deps.renderers()).resourcesDir(), 'verify.html'));
    await writeFileSafely(join(dirname(path), verifyPage), page);
  }
  audit(deps, 'draws:export-proof', req.drawId, { file: basename(path), verifyPage });
  return { fileName: basename(path), verifyPage };
}

/** The record as PDF: part one (承诺) or part two (封存, with every 递补). */
export async function recordPdf(deps: ExportDeps, drawId: number, part: 'commit' | 'result'): Promise<Buffer> {
  const renderers = await deps.renderers();
  if (part === 'commit')
    return renderers.renderDrawRecordCommitPdf(recordCommit(deps.raw, loadDrawRow(deps.raw, drawId)));
  return renderers.renderDrawRecordResultPdf(resultRecord(deps.raw, drawId));
}

export async function exportRecord(
  deps: ExportDeps,
  req: ParsedReq<'draws:export-record'>,
): Promise<{ fileName: string }> {
  const bytes = await recordPdf(deps, req.drawId, req.part);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeFileSafely(path, bytes);
  audit(deps, 'draws:export-record', req.drawId, { part: req.part, file: basename(path) });
  return { fileName: basename(path) };
}
