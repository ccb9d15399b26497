/** The rosters' files out: a filtered view as xlsx, the rejected-rows report of an import, blank templates. */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { ROSTER_LABELS } from '@shared/domain/rosters';
import { AppError } from '@shared/errors';
import type { ImportProblem } from '@shared/import/problems';
import { neutralCell, neutralRow } from '@shared/domain/cell-text';
import type { ParsedReq } from '@shared/ipc/schemas';
import { appendAudit, type AuditRecord } from '../audit/service';
import type { ServiceContext } from '../app/context';
import type { FileTokens } from '../app/file-tokens';
import type { DbConnection } from '../db/connection';
import { iterate } from '../db/sql';
import { writeThenRename } from '../app/safe-write';
import type { ImportSessions } from './import-sessions';
import { orderedRoster } from './query';
import { rosterWhere } from './query-where';
import { writeImportTemplate } from './readers/templates';
import { TABLES } from './tables';

async function audit(conn: DbConnection, ctx: ServiceContext, record: AuditRecord) {
  await conn.db.transaction().execute((trx) => appendAudit(trx, record, ctx.now()));
}

/** The rejected-rows report: one line per problem, with row, column and reason, as xlsx. */
export async function importRejections(
  s: ImportSessions,
  req: ParsedReq<'roster:import-rejections'>,
): Promise<{ fileName: string; rows: number }> {
  const session = s.previews.get(req.previewId);
  if (!session) throw new AppError('import.previewExpired', '预览已失效，请重新预览后再导出问题清单。');
  const path = s.deps.files.resolve(req.fileToken, 'save');
  await writeThenRename(path, (temp) => writeRejections(temp, session.problems));
  const detail = { file: session.fileName, rows: session.problems.length };
  await audit(s.conn, s.ctx, {
    actor: s.ctx.actor(),
    action: 'roster:import-rejections',
    target: session.kind,
    detail,
  });
  return { fileName: basename(path), rows: session.problems.length };
}

async function writeRejections(path: string, problems: readonly ImportProblem[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('导入问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 28 },
    { header: '处理', key: 'severity', width: 10 },
    { header: '原因', key: 'reason', width: 80 },
  ];
  for (const p of problems) {
    sheet
      .addRow({
        row: p.row,
        column: neutralCell(p.column ?? '（整行）'),
        severity: p.severity === 'error' ? '未导入' : '已导入（提示）',
        reason: neutralCell(p.reason),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Export of a filtered view: streams the rows into an xlsx writer (flat memory at any size). */
export async function exportView(
  conn: DbConnection,
  ctx: ServiceContext,
  files: FileTokens,
  req: ParsedReq<'roster:export'>,
): Promise<{ fileName: string; rows: number }> {
  const path = files.resolve(req.fileToken, 'save');
  const rows = await writeThenRename(path, (temp) => writeView(conn, temp, req));
  const detail = { file: basename(path), rows, search: req.search ?? null, filters: req.filters ?? {} };
  await audit(conn, ctx, { actor: ctx.actor(), action: 'roster:export', target: TABLES[req.roster].table, detail });
  return { fileName: basename(path), rows };
}

async function writeView(conn: DbConnection, path: string, req: ParsedReq<'roster:export'>): Promise<number> {
  const spec = TABLES[req.roster];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet(ROSTER_LABELS[req.roster], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.exportColumns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length * 2 + 4) }));
  let rows = 0;
  for (const row of iterate(conn.raw, orderedRoster(req, rosterWhere(req.roster, req).conditions))) {
    const v = spec.toView(row);
    sheet.addRow(neutralRow(spec.exportColumns.map((c) => c.of(v)))).commit();
    rows++;
    // Yield now and then so the file stream drains (the writer has no back-pressure).
    if (rows % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

export async function template(files: FileTokens, req: ParsedReq<'roster:template'>): Promise<{ fileName: string }> {
  const path = files.resolve(req.fileToken, 'save');
  await writeImportTemplate(req.kind, path);
  return { fileName: basename(path) };
}
