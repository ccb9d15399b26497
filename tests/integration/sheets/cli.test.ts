/** `ssj sheets` and `ssj results import`: the sheets of a sealed draw go out as files and come back as results. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEET_COMMANDS } from '../../../src-main/cli/sheets-commands';
import { loadSheets } from '../../../src-main/sheets/load';
import { runCaptured } from '../../fixtures/cli';
import { tempDir } from '../../fixtures/test-db';
import { fillFirstSheet, openWorkbook, saveWorkbook } from './fill';
import { sealedDraw, type SealedDraw } from './sealed-draw';

let s: SealedDraw;
let taskNo: string;
const out = tempDir('ssj-sheets-cli-');

const cli = (...args: string[]) => runCaptured([...args, '--db', s.c.path], SHEET_COMMANDS);

const resultCount = () => s.c.count('results');

beforeAll(async () => {
  s = await sealedDraw();
  taskNo = s.c.services.tasks.get(s.taskId).number;
}, 120_000);
afterAll(async () => s.c.close());

describe('ssj sheets', () => {
  it('writes a PDF and a workbook per 名单包 and one PDF of the whole draw', async () => {
    const run = await cli('sheets', taskNo, '--out', out, '--json');
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.out) as { files: string[] }).files.map((f) => f.slice(out.length + 1));
    expect(files).toContain(`一户一表-${taskNo}-第1包.pdf`);
    expect(files).toContain(`一户一表-${taskNo}-第1包.xlsx`);
    expect(files).toContain(`一户一表-${taskNo}-全部.pdf`);
    expect(readdirSync(out).sort()).toEqual([...files].sort());
  });

  it('refuses to overwrite the files of an earlier export, in Chinese, and changes none of them', async () => {
    const before = readdirSync(out).map((f) => [f, readFileSync(join(out, f)).length]);
    const again = await cli('sheets', taskNo, '--out', out);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('为免覆盖，未写入任何文件') });
    expect(readdirSync(out).map((f) => [f, readFileSync(join(out, f)).length])).toEqual(before);
  });

  it('refuses an unknown task number and an unknown format in Chinese', async () => {
    expect(await cli('sheets', '无此编号', '--out', out)).toMatchObject({
      code: 1,
      err: expect.stringContaining('没有编号为'),
    });
    const bad = await cli('sheets', taskNo, '--out', out, '--format', 'doc');
    expect(bad).toMatchObject({ code: 1, err: expect.stringContaining('--format 只能是 pdf、xlsx 或 both') });
  });
});

describe('ssj results import', () => {
  let filled: string;
  let packageSize: number;
  beforeAll(async () => {
    const wb = await openWorkbook(readFileSync(join(out, `一户一表-${taskNo}-第1包.xlsx`)));
    const pkg = loadSheets(s.c.conn.raw, s.drawId).packages[0];
    const teamIds = pkg.team.map((m) => m.id);
    packageSize = pkg.entities.length;
    fillFirstSheet(wb.worksheets[0], teamIds);
    filled = join(out, 'filled.xlsx');
    writeFileSync(filled, await saveWorkbook(wb));
  });

  it('checks a filled workbook on a dry run and writes nothing', async () => {
    const run = await cli('results', 'import', filled, '--dry-run', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out);
    // The first sheet is filled; any other sheet of the package is refused as unfilled, by name.
    expect(report).toMatchObject({ files: 1, sheets: packageSize, matched: packageSize, entered: 1, unchanged: 0 });
    expect(report.rejected).toBe(packageSize - 1);
    expect(report.problems.length).toBe(packageSize - 1);
    expect(resultCount()).toBe(0);
  });

  it('enters the filled sheet, and reports it unchanged the second time', async () => {
    expect(JSON.parse((await cli('results', 'import', filled, '--json')).out)).toMatchObject({ entered: 1 });
    expect(resultCount()).toBe(1);
    expect(JSON.parse((await cli('results', 'import', filled, '--json')).out)).toMatchObject({
      entered: 0,
      unchanged: 1,
    });
  });

  it('names a file that is not a workbook', async () => {
    const junk = join(out, 'notes.xlsx');
    writeFileSync(junk, '这不是工作簿');
    const report = JSON.parse((await cli('results', 'import', junk, '--json')).out);
    expect(report.problems).toEqual([
      { file: 'notes.xlsx', sheet: '', cell: '', reason: '这个文件不是 Excel 工作簿（.xlsx），无法读取' },
    ]);
  });
});
