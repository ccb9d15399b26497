/**
 * No 执法证号 in any proof: a fresh draw names inspectors 检查员N, so its proof and the 公示包 hold none of the roster's
 * 执法证号 while the team's own 一户一表 still prints them; 回避关系 entered by 执法证号 still apply; a draw sealed before
 * (ids = 执法证号) still names its people on every page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCommand } from '../../../src-main/cli/publish-commands';
import { inspectorDrawId, inspectorRowOf } from '../../../src-main/draws/draw-people';
import { proofText } from '../../../src-main/draws/exports';
import { loadSheets } from '../../../src-main/sheets/load';
import { renderPackageWorkbook } from '../../../src-main/sheets/xlsx-write';
import { renderPackagePdf } from '../../../src-main/sheets/pdf-render';
import { readPdf } from '../documents/pdf-text';
import { filesUnder } from '../publish/site';
import { openWorkbook } from '../sheets/fill';
import { runCaptured } from '../../fixtures/cli';
import { county, storedInputs, type County } from '../../fixtures/county';
import { tempDir } from '../../fixtures/test-db';

let c: County;
let drawId: number;
let badges: string[];
/** An inspector and an entity of the task's scope, declared in conflict by 执法证号. */
let conflict: { badge: string; rowId: number; codes: string[] };

const raw = () => c.conn.raw;
const scopeCodes = () =>
  raw()
    .prepare(
      "SELECT coalesce(uscc, reg_no) FROM entities WHERE reg_status = '存续' AND industry IN ('食品销售', '餐饮服务')",
    )
    .pluck()
    .all() as string[];
const teams = (id: number) => c.services.draws.get({ drawId: id })!.packages.flatMap((p) => p.team);

beforeAll(async () => {
  c = await county(800);
  badges = raw().prepare('SELECT badge_no FROM inspectors').pluck().all() as string[];
  // Someone the draw puts on a team when nothing stops it, then declared in conflict with every entity of the scope.
  const free = await c.revealed('无回避');
  const member = teams(free)[0].id;
  const rowId = inspectorRowOf(member)!;
  const badge = raw().prepare('SELECT badge_no FROM inspectors WHERE id = ?').pluck().get(rowId) as string;
  conflict = { badge, rowId, codes: scopeCodes() };
  const conflicts = conflict.codes.map((entity) => ({ inspector: badge, entity, reason: '亲属关系' }));
  drawId = await c.drawAndSeal(c.publishedTask({ name: '化名测试任务', conflicts }));
}, 120_000);
afterAll(async () => c.close());

/** The 执法证号 of the roster found in `text`. */
const badgesIn = (text: string) => badges.filter((badge) => text.includes(badge));

describe('a draw sealed now', () => {
  it('names every inspector 检查员N in its inputs, teams and conflicts', () => {
    const inputs = JSON.parse(storedInputs(c, drawId).toString('utf8')) as {
      inspectors: { id: string }[];
      conflicts: [string, string][];
    };
    for (const { id } of inputs.inspectors) expect(id).toMatch(/^(检查员|专家)\d{4,}$/);
    expect(new Set(inputs.inspectors.map((i) => i.id)).size).toBe(inputs.inspectors.length);
    expect(inputs.conflicts.map(([id]) => id)).toEqual(conflict.codes.map(() => inspectorDrawId(conflict.rowId)));
  });

  it('keeps the inspector in conflict off every team (回避 by the same id)', () => {
    const ids = teams(drawId).map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(inspectorDrawId(conflict.rowId));
  });

  it('has none of the roster’s 执法证号 in its proof', () => {
    const text = proofText(raw(), drawId);
    expect(text).toContain('检查员');
    expect(badgesIn(text)).toEqual([]);
  });

  it('has none of them in the 公示包 (proof.json, verify pages, site data)', async () => {
    const out = join(tempDir('ssj-pseudonyms-'), 'site');
    const taskNo = c.services.tasks.get(c.services.draws.get({ drawId })!.taskId).number;
    const run = await runCaptured(['publish', taskNo, '--out', out, '--db', c.path], [publishCommand]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    const texts = filesUnder(out).filter((f) => /\.(json|html|js)$/.test(f));
    expect(texts.some((f) => f.endsWith('proof.json'))).toBe(true);
    for (const file of texts)
      expect({ file, found: badgesIn(readFileSync(join(out, file), 'utf8')) }).toEqual({ file, found: [] });
  });

  it('still prints each member’s 执法证号 on the team’s 一户一表 (Excel and PDF)', async () => {
    const sheets = loadSheets(raw(), drawId);
    const pkg = sheets.packages[0];
    const member = pkg.team.find((m) => !m.isExpert)!;
    expect(badges).toContain(member.badgeNo);
    const book = await openWorkbook(await renderPackageWorkbook(sheets, pkg));
    const cells = book.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain(`${member.name}（${member.badgeNo}）`);
    const pdf = await readPdf(await renderPackagePdf(sheets, pkg, { notices: false }));
    expect(pdf.compact).toContain(`执法证号：${member.badgeNo}`);
  }, 60_000);
});

describe('a draw sealed before (its ids are 执法证号)', () => {
  it('names the same people, with the same 执法证号, on the draw page and the sheets', () => {
    const before = c.services.draws.get({ drawId })!;
    const sheetsBefore = loadSheets(raw(), drawId);
    // The proof as an earlier version sealed it: every 检查员N written as that inspector's 执法证号.
    const badgeOf = new Map(
      (raw().prepare('SELECT id, badge_no FROM inspectors').all() as { id: number; badge_no: string }[]).map((r) => [
        inspectorDrawId(r.id),
        r.badge_no,
      ]),
    );
    // Stored as the next version (a sealed proof is never updated; the pages read the latest).
    const v1 = raw().prepare('SELECT * FROM draw_proofs WHERE draw_id = ? AND version = 1').get(drawId) as {
      sealed_at: string;
      body: string;
      record: string;
    };
    const old = v1.body.replace(/检查员\d+/g, (id) => badgeOf.get(id)!);
    raw()
      .prepare('INSERT INTO draw_proofs (draw_id, version, sealed_at, body, record) VALUES (?, 2, ?, ?, ?)')
      .run(drawId, v1.sealed_at, old, v1.record);

    const after = c.services.draws.get({ drawId })!;
    const people = (d: typeof before) => d.packages.map((p) => p.team.map((m) => [m.name, m.office, m.isExpert]));
    expect(people(after)).toEqual(people(before));
    expect(after.packages[0].team.map((m) => m.id)).toEqual(
      before.packages[0].team.map((m) => badgeOf.get(m.id) ?? m.id),
    );
    const sheetsAfter = loadSheets(raw(), drawId);
    const printed = (s: typeof sheetsBefore) => s.packages.map((p) => p.team.map((m) => [m.name, m.badgeNo, m.phone]));
    expect(printed(sheetsAfter)).toEqual(printed(sheetsBefore));
  });
});
