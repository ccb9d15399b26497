/**
 * Helpers of the follow-up and calendar specs: a sealed draw of the demo county (made through the real services, as the
 * ceremony would) and results entered on it through the same rules as a clerk's.
 */
import type { ResultEntry } from '@shared/domain/results';
import { sheetRows } from '@shared/domain/sheets';
import { enterDemoResults, type DemoResults } from '../../src-main/demo/demo-results';
import { saveEntry } from '../../src-main/results/entry';
import { loadSheets } from '../../src-main/sheets/load';
import { NOTHING_FOUND } from '../fixtures/result-entry';
import { loadDemo, publishedTask } from './draw-fixtures';
import type { AppFixture } from './harness';

/** A published task of the demo county with its draw sealed; the task and draw ids. */
export async function sealedDraw(app: AppFixture): Promise<{ taskId: number; drawId: number }> {
  loadDemo(app, 1500);
  const taskId = publishedTask(app);
  const draws = app.services.draws;
  const { id } = await draws.prepare({ taskId });
  draws.commit({ drawId: id, place: '县局三楼会议室', operator: '张敏', supervisor: '刘强(纪检)' });
  draws.witness({ drawId: id, name: '李明', value: '314159' });
  await draws.reveal({ drawId: id });
  await draws.seal({ drawId: id });
  return { taskId, drawId: id };
}

/** The demo's results on the draw: some with problems approved, so their follow-ups are open. */
export function demoResults(app: AppFixture, drawId: number): DemoResults {
  return enterDemoResults(app.db.conn.raw, app.db.ctx, drawId);
}

/** A draft (no 核查方式 chosen, so not 已录入) for the first drawn entity, inspected on `inspectedOn`. */
export function draftResult(app: AppFixture, drawId: number, inspectedOn: string): { entityId: number; name: string } {
  const pkg = loadSheets(app.db.conn.raw, drawId).packages[0];
  const sheet = pkg.entities[0];
  const entry: ResultEntry = {
    inspectedOn,
    inspectorIds: pkg.team.map((m) => m.id),
    rows: sheetRows(sheet).map((row) => ({ subItemId: row.subItemId, outcome: '符合', finding: '' })),
    ...NOTHING_FOUND,
    methods: [],
  };
  const taskIds = sheet.tasks.map((t) => t.id);
  saveEntry(app.db.conn.raw, app.db.ctx, { drawId, entityId: sheet.entityId, taskIds, entry }, { draft: true });
  return { entityId: sheet.entityId, name: sheet.name };
}
