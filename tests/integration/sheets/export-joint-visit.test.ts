/**
 * A merged joint visit (进一次门、查多项事) exported from the 一户一表 page: its entity gets one sheet listing every item of
 * every merged task, read back from the package's PDF and from its workbook.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../../src-main/sheets/xlsx-read';
import { county, type County } from '../../fixtures/county';
import { HEALTH_ITEMS, overlappingPharmacyTasks } from '../../fixtures/joint-tasks';
import { readPdf } from '../documents/pdf-text';
import { openWorkbook } from './fill';

let c: County;
beforeAll(async () => {
  c = await county(1500);
}, 120_000);
afterAll(() => c.close());

const squash = (t: string) => t.replace(/\s+/g, '');
const TITLE = '市场监管领域随机抽查情况记录表';
/** The pages of one entity's record sheet: from its first page up to the next notice or record sheet. */
function recordSheetText(pages: { text: string }[], entity: string): string {
  const start = pages.findIndex((p) => p.text.includes(TITLE) && squash(p.text).includes(squash(entity)));
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = pages.slice(start + 1);
  const end = rest.findIndex((p) => p.text.includes(TITLE) || p.text.includes('随机抽查通知书'));
  return [pages[start], ...rest.slice(0, end < 0 ? undefined : end)].map((p) => p.text).join(' ');
}

describe('a joint visit exported', () => {
  it('prints one sheet with the items of both merged tasks, in the PDF and the workbook', async () => {
    const { market, health } = overlappingPharmacyTasks(c);
    const drawId = await c.drawAndSeal(market);
    await c.drawAndSeal(health);
    const proposal = c.services.visits.proposals({ year: 2026 }).proposals[0];
    c.services.visits.merge({ entityId: proposal.entityId, taskIds: [market, health] });

    const view = c.services.sheets.draws().find((d) => d.drawId === drawId)!;
    expect(view.jointVisits).toBe(1);
    const dir = mkdtempSync(join(tmpdir(), 'ssj-sheets-joint-'));
    const folderToken = c.services.files.issue(dir, 'folder').token;
    const result = await c.services.sheets.export({ drawId, folderToken, format: 'both', jobId: 'joint-1' });
    expect(result.outcome).toBe('done');

    const pkgNo = c.conn.raw
      .prepare('SELECT package_no FROM draw_selected WHERE draw_id = ? AND entity_id = ?')
      .pluck()
      .get(drawId, proposal.entityId) as number;
    const name = (ext: string) => result.files.find((f) => f.endsWith(`-第${pkgNo}包.${ext}`))!;
    const marketItems = c.services.tasks.get(market).items.map((i) => i.name);
    const allItems = [...marketItems, ...HEALTH_ITEMS];
    const tasks = [c.services.tasks.get(market), c.services.tasks.get(health)];

    const pdf = await readPdf(readFileSync(join(dir, name('pdf'))));
    const text = squash(recordSheetText(pdf.pages, proposal.entityName));
    allItems.forEach((item, i) => expect(text).toContain(squash(`${i + 1}.${item}`)));
    for (const t of tasks) expect(text).toContain(squash(t.number));

    const wb = await openWorkbook(readFileSync(join(dir, name('xlsx'))));
    const ws = wb.worksheets.find((w) => w.name.endsWith(proposal.entityName.slice(0, 20)))!;
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => cells.push(cellText(cell.value))));
    const sheetText = squash(cells.join(' '));
    allItems.forEach((item, i) => expect(sheetText).toContain(squash(`${i + 1}.${item}`)));
    expect(JSON.parse(String(ws.getCell('G1').value))).toMatchObject({
      drawId,
      entityId: proposal.entityId,
      taskIds: [market, health],
    });
  }, 300_000);
});
