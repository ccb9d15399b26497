/**
 * 抽取名单 for the teams: one row per drawn entity of a sealed draw (递补 included), with its 名单包 and 检查组, as an
 * xlsx ready to print. The names are the roster's own (an internal work list, not the published one).
 */
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { neutralRow } from '@shared/domain/cell-text';
import type { ParsedReq } from '@shared/ipc/schemas';
import { writeThenRename } from '../app/safe-write';
import { all, first, qb } from '../db/sql';
import { auditDraw } from './draw-audit';
import { wrongState } from './draw-state';
import type { ExportDeps } from './exports';
import { lookupPeople } from './draw-people';
import { printedListSheet, XLSX_FONT } from '../documents/format';
import { latestProof, loadDrawRow } from './views';

export const DRAWN_LIST_HEADERS = ['名单包', '序号', '名称', '统一社会信用代码/注册号', '住所', '管辖单位', '检查组'];
const WIDTHS = [10, 6, 36, 24, 40, 16, 44];
const BORDER = { style: 'thin' } as const;
const CELL_BORDER = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };

export interface DrawnList {
  title: string;
  subtitle: string;
  rows: (string | number)[][];
}

/** The rows of a sealed draw's list, package by package, in the drawn order. */
export function drawnList(raw: BetterSqlite3.Database, drawId: number): DrawnList {
  const draw = loadDrawRow(raw, drawId);
  const proof = latestProof(raw, drawId);
  if (draw.state !== 'sealed' || !proof) throw wrongState(draw, '导出抽取名单（封存后才能导出）');
  const task = first(raw, qb.selectFrom('tasks').select(['number', 'name']).where('id', '=', draw.task_id))!;
  const selected = all(
    raw,
    qb
      .selectFrom('draw_selected as s')
      .innerJoin('entities as e', 'e.id', 's.entity_id')
      .select(['s.code', 'e.name', 'e.address', 'e.office'])
      .where('s.draw_id', '=', drawId),
  );
  const entities = new Map(selected.map((e) => [e.code, e]));
  const packages = proof.body.result.packages;
  const people = lookupPeople(
    raw,
    packages.flatMap((p) => p.team),
  );
  const rows = packages.flatMap((p) => {
    const team = p.team.map((id) => {
      const person = people.get(id);
      return person ? `${person.name}（${person.office || '单位未登记'}）` : id;
    });
    return p.entities.map((code, i) => {
      const e = entities.get(code);
      return [
        `第 ${p.no} 包`,
        i + 1,
        e?.name ?? '（已不在名录中）',
        code,
        e?.address ?? '',
        e?.office ?? '',
        team.join('、'),
      ];
    });
  });
  const sealedOn = (draw.sealed_at ?? '').slice(0, 10);
  return {
    title: `${task.number}  ${task.name}  抽取名单`,
    subtitle: `共 ${packages.length} 个名单包、${rows.length} 户；第 ${draw.attempt} 次抽取，${sealedOn} 封存`,
    rows,
  };
}

function styleRow(row: ExcelJS.Row, bold: boolean): void {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: XLSX_FONT, size: 10, bold };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: bold || col <= 2 ? 'center' : 'left' };
    cell.border = CELL_BORDER;
  });
}

/** Title, subtitle, then the header row (frozen, printed on every page) and one row per entity. */
async function writeList(path: string, list: DrawnList): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet('抽取名单', printedListSheet(0.4));
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const n = WIDTHS.length;
  const title = sheet.addRow(neutralRow([list.title]));
  title.getCell(1).font = { name: XLSX_FONT, size: 14, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 26;
  sheet.mergeCells(1, 1, 1, n);
  title.commit();
  const sub = sheet.addRow([list.subtitle]);
  sub.getCell(1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, n);
  sub.commit();
  const head = sheet.addRow(DRAWN_LIST_HEADERS);
  styleRow(head, true);
  head.commit();
  for (const [i, cells] of list.rows.entries()) {
    const row = sheet.addRow(neutralRow(cells));
    styleRow(row, false);
    row.commit();
    // Yield now and then so the file stream drains (the writer has no back-pressure).
    if (i % 2000 === 1999) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** The list where the save dialog points, through a temp file, with its audit row. */
export async function exportDrawnList(
  deps: ExportDeps,
  req: ParsedReq<'draws:export-list'>,
): Promise<{ fileName: string; rows: number }> {
  const list = drawnList(deps.raw, req.drawId);
  const path = deps.files.resolve(req.fileToken, 'save');
  await writeThenRename(path, (temp) => writeList(temp, list));
  const detail = { file: basename(path), rows: list.rows.length };
  const { raw, ctx } = deps;
  raw.transaction(() => auditDraw(raw, ctx.actor(), ctx.now(), 'draws:export-list', req.drawId, detail)).immediate();
  return { fileName: basename(path), rows: list.rows.length };
}
