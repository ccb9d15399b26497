/**
 * A draw that does not go through: a committed draw voided with its reason (kept on record, shown on the projector,
 * the task prepared again), bad input refused in Chinese at 准备 with nothing written, and two clerks at one task.
 */
import {
  checkProjector,
  CEREMONY,
  commit,
  drawPageFor,
  drawsOf,
  openProjector,
  phase,
  prepareOnPage,
  SMALL_TASK,
} from './ceremony-fixtures';
import { confirmModal, enterWitness, loadDemo, pageShot, publishedTask, TEST_YEAR, typeWitness } from './draw-fixtures';
import { expect, screenshot, test } from './harness';

test('a committed draw is voided with its reason, never deleted; the task can be prepared again', async ({
  page,
  app,
}) => {
  const { taskId, panel } = await drawPageFor(page, app, {
    name: '2026年食品销售者双随机抽查',
    scope: { ...SMALL_TASK.scope, industries: ['食品销售'] },
  });
  const projector = await openProjector(page, app, taskId);
  await prepareOnPage(panel);
  await commit(page);
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺（见证中）');
  await enterWitness(panel, { name: '李明', value: '314159' });
  await expect(panel.getByTestId('witness-list').locator('tr.ant-table-row')).toHaveCount(1);

  await panel.getByTestId('draw-void').click();
  await confirmModal(page, 'void-modal');
  await expect(page.getByTestId('void-modal')).toContainText('请填写作废理由');
  expect(drawsOf(app, taskId).map((d) => d.state)).toEqual(['committed']);
  const reason = '会场停电，见证人未能全部到场，经监督人员同意作废';
  await page.getByTestId('void-modal').getByTestId('void-reason').fill(reason);
  await confirmModal(page, 'void-modal');
  await expect(panel.getByTestId('draw-voided')).toContainText(reason);
  await expect(panel.getByTestId('draw-state')).toHaveText('已作废');
  await expect(panel.getByTestId('draw-prepare')).toHaveText('重新准备');
  await expect(panel.locator('.ant-steps-item-error')).toHaveCount(1);
  // Kept on record, with its commitment and witness.
  expect(drawsOf(app, taskId)).toEqual([expect.objectContaining({ state: 'voided', void_reason: reason })]);
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM draw_witnesses').pluck().get()).toBe(1);
  await phase(projector, 'voided');
  await expect(projector.getByTestId('ceremony-voided')).toContainText(reason);
  await checkProjector(projector, 'ceremony-8-voided');
  // A smaller projector (1280×800) shows the same picture, scaled to fit.
  await projector.bringToFront(); // a page behind another gets no frames, so no resize is seen
  await projector.setViewportSize({ width: 1280, height: 800 });
  await expect(async () => {
    const box = await projector
      .getByTestId('ceremony-view')
      .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 40, 1280, 720]);
  }).toPass({ timeout: 5000 });
  await screenshot(projector, 'ceremony-9-voided-1280x800');
  await page.bringToFront();
  await pageShot(page, 'draw-6-voided');

  // The next attempt shows the void (its inputs carry it too: draw-inputs.ts, tested with the service).
  await panel.getByTestId('draw-prepare').click();
  await expect(panel.getByTestId('draw-state')).toHaveText('已准备');
  await expect(page.getByTestId('voided-attempt-1')).toContainText(reason);
  await projector.close();
});

test('a witness value is read back before it counts; a repeat by the same witness is warned about', async ({
  page,
  app,
}) => {
  const { panel } = await drawPageFor(page, app, { name: '2026年药品零售企业双随机抽查' });
  await prepareOnPage(panel);
  await commit(page);
  await enterWitness(panel, { name: '王芳', value: '271828' });
  await expect(panel.getByTestId('witness-final')).toContainText('见证值一经录入不能修改或删除');

  // The same witness says the same value again: warned, and 返回修改 keeps what was typed, writing nothing.
  const dialog = await typeWitness(panel, { name: '王芳', value: ' 271828 ' });
  await expect(dialog.getByTestId('witness-repeat')).toContainText('同一见证人以前报过同样的见证值');
  await expect(dialog.getByTestId('witness-repeat')).toContainText('第 1 次抽取的第 1 个见证值');
  await pageShot(page, 'draw-witness-repeat');
  await dialog.getByRole('button', { name: '返回修改' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('witness-value')).toHaveValue(' 271828 ');
  expect(app.db.conn.raw.prepare('SELECT count(*) FROM draw_witnesses').pluck().get()).toBe(1);
});

test('bad input is refused in Chinese at 准备 and nothing is written: empty scope, too few inspectors, a passed window', async ({
  page,
  app,
}) => {
  loadDemo(app);
  const raw = app.db.conn.raw;
  // A plan with an empty scope cannot be published; the scope empties afterwards, when 城关片区's entities are
  // deregistered (a roster import between publication and 准备).
  const empty = publishedTask(app, {
    ...SMALL_TASK,
    name: '范围为空的任务',
    scope: { ...SMALL_TASK.scope, areas: ['城关片区'] },
  });
  raw.prepare("UPDATE entities SET reg_status = '注销' WHERE area = '城关片区'").run();
  const fewInspectors = publishedTask(app, {
    ...SMALL_TASK,
    name: '人员不足的任务',
    teamSize: 8,
    inspectorScope: { kind: '单一所', offices: ['城关市场监管所'] },
  });
  const passed = publishedTask(app, {
    ...SMALL_TASK,
    name: '已过期的任务',
    startDate: `${TEST_YEAR}-03-01`,
    endDate: `${TEST_YEAR}-06-30`,
  });
  const cases: [number, RegExp, string][] = [
    [empty, /检查对象范围内没有可抽取的对象/, 'draw-bad-empty-scope'],
    [fewInspectors, /执法人员范围内在岗人员只有 \d 人，不足每组 8 人/, 'draw-bad-few-inspectors'],
    [passed, /开展时间已于 2026-06-30 结束，不能再抽取/, 'draw-bad-window-passed'],
  ];
  const auditBefore = raw.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  for (const [taskId, message, shot] of cases) {
    await app.open(`/draw?task=${taskId}`);
    const panel = page.getByTestId('draw-panel');
    await panel.getByTestId('draw-prepare').click();
    const error = panel.getByTestId('draw-error');
    await expect(error).toContainText('准备未完成，没有保存任何内容');
    await expect(error).toContainText(message);
    await expect(panel.getByTestId('draw-state')).toHaveCount(0);
    expect(drawsOf(app, taskId)).toEqual([]);
    await pageShot(page, shot);
  }
  expect(raw.prepare('SELECT count(*) FROM draw_inputs').pluck().get()).toBe(0);
  expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);
});

test('two clerks at one task: the second commitment is refused, and the page shows the first', async ({
  page,
  app,
}) => {
  // This page prepared, another clerk prepared and committed first.
  const { taskId: contested, panel } = await drawPageFor(page, app, { name: '两位操作员同时抽取的任务' });
  await prepareOnPage(panel);
  const other = await app.services.draws.prepare({ taskId: contested });
  app.services.draws.commit({ drawId: other.id, ...CEREMONY });
  await commit(page, { place: '二楼会议室', operator: '王强', supervisor: '赵丽' });
  await expect(panel.getByTestId('draw-error')).toContainText('未能承诺');
  await expect(panel.getByTestId('draw-error')).toContainText(`同一任务的另一次准备（抽取编号 ${other.id}）已承诺`);
  // The page now shows the other clerk's committed draw; exactly one commitment exists.
  await expect(panel.getByTestId('draw-state')).toHaveText('已承诺（见证中）');
  expect(
    drawsOf(app, contested)
      .filter((d) => d.state === 'committed')
      .map((d) => d.id),
  ).toEqual([other.id]);
  await pageShot(page, 'draw-bad-two-clerks');
});
