/** Text that looks like a formula is written so no spreadsheet runs it: every xlsx written, read back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';
import { renderPlanXlsx } from '../../../src-main/documents/plan';
import { samplePlan } from '../../fixtures/documents';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

const HOSTILE = [
  '=HYPERLINK("http://evil.example","点击")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
];
const DANGEROUS_START = /^[=+\-@\t\r]/;
// A CR is stored as _x000D_ and read back as a line break; what matters is the apostrophe before it.
const KEPT_AS_TEXT = HOSTILE.filter((h) => !h.startsWith('\r'));

async function cellTexts(bytes: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula, `${cell.address}`).toBeUndefined();
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('formula-looking text is neutralised in every xlsx written', () => {
  it('the roster export', async () => {
    const insert = t.conn.raw.prepare(
      "INSERT INTO inspectors (badge_no, name, office, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')",
    );
    HOSTILE.forEach((h, i) => insert.run(`B${i}`, h, h));
    const target = join(t.dir, '执法人员.xlsx');
    const fileToken = t.services.files.issue(target, 'save').token;
    await t.services.rosters.exportView(requestSchemas['roster:export'].parse({ roster: 'inspectors', fileToken }));
    const texts = await cellTexts(readFileSync(target));
    expect(texts.filter((s) => DANGEROUS_START.test(s))).toEqual([]);
    for (const h of KEPT_AS_TEXT) expect(texts).toContain(`'${h}`);
  });

  it('the published plan', async () => {
    const plan = samplePlan(HOSTILE.length);
    plan.rows.forEach((r, i) => {
      r.taskName = HOSTILE[i]!;
      r.scope = HOSTILE[i]!;
    });
    const texts = await cellTexts(await renderPlanXlsx(plan));
    expect(texts.filter((s) => DANGEROUS_START.test(s))).toEqual([]);
    for (const h of KEPT_AS_TEXT) expect(texts).toContain(`'${h}`);
  });
});
