/**
 * The operation log as xlsx: the rows the page's filters match, newest first, in the page's words (Chinese action and
 * object names, before → after lines), streamed so a log of millions of rows keeps memory flat.
 */
import type BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { actionName, auditTime, detailLines, targetName } from '@shared/domain/audit-labels';
import { neutralRow } from '@shared/domain/cell-text';
import { writeThenRename } from '../app/safe-write';
import { iterate } from '../db/sql';
import { type AuditFilter, auditRows } from './query';

/** The filters in one Chinese line, for the file's 说明 sheet and the export's own log entry. */
export function filterText(f: AuditFilter): string {
  const target = f.targetKind && targetName(f.targetId ? `${f.targetKind}:${f.targetId}` : f.targetKind);
  const parts = [
    f.actor && `操作人：${f.actor}`,
    f.action && `操作：${actionName(f.action)}`,
    target && `对象：${target}`,
    (f.from || f.to) && `日期：${f.from ?? '最早'} 至 ${f.to ?? '最近'}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : '全部操作记录';
}

type Count = (rows: number) => void;

const COLUMNS = [
  { header: '序号', width: 10 },
  { header: '时间', width: 18 },
  { header: '操作人', width: 14 },
  { header: '操作', width: 20 },
  { header: '对象', width: 20 },
  { header: '内容', width: 80 },
];

type Workbook = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

async function writeRows(workbook: Workbook, raw: BetterSqlite3.Database, f: AuditFilter, count: Count) {
  const sheet = workbook.addWorksheet('操作日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  let rows = 0;
  for (const r of iterate(raw, auditRows(f))) {
    const cells = [r.id, auditTime(r.at), r.actor, actionName(r.action), targetName(r.target)];
    const row = sheet.addRow(neutralRow([...cells, detailLines(JSON.parse(r.detail)).join('\n')]));
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
    rows++;
    if (rows % 500 === 0) count(rows);
    // Yield now and then so the file stream drains (the writer has no back-pressure).
    if (rows % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  count(rows);
  return rows;
}

async function writeLog(raw: BetterSqlite3.Database, path: string, f: AuditFilter, now: Date, count: Count) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  let rows: number;
  try {
    rows = await writeRows(workbook, raw, f, count);
  } catch (e) {
    // Closed before the temp file is removed (an open file cannot be removed on Windows).
    await workbook.commit().catch(() => undefined);
    throw e;
  }
  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 12 }, { width: 60 }];
  for (const line of [
    ['导出时间', auditTime(now.toISOString())],
    ['筛选条件', filterText(f)],
    ['记录条数', rows],
  ]) {
    about.addRow(neutralRow(line)).commit();
  }
  about.commit();
  await workbook.commit();
  return rows;
}

/**
 * Writes the matching rows through a temp file renamed over `path` when whole; the number of rows written. `count`
 * hears the rows written so far; when it throws, the export stops and leaves no file.
 */
export function writeAuditXlsx(
  raw: BetterSqlite3.Database,
  path: string,
  f: AuditFilter,
  now: Date,
  count: Count = () => undefined,
): Promise<number> {
  return writeThenRename(path, (temp) => writeLog(raw, temp, f, now, count));
}
