/**
 * 节假日安排 end to end: a result inspected on 2026-12-04 is due 20 working days later, in January 2027, a year the
 * program does not ship; the home page says 待确认 instead of a date. The administrator enters 2027's 放假安排 in
 * 系统设置 (a 调休 day on a weekday is refused at its field; the preview shows the year) and the deadline becomes a date.
 */
import { afterMotion, fillRange, pageShot } from './draw-fixtures';
import { expect, screenshot, test } from './harness';
import { draftResult, sealedDraw } from './results-fixtures';

test('entering 2027’s schedule turns a 待确认 deadline into a date', async ({ app, page }) => {
  const { taskId, drawId } = await sealedDraw(app);
  app.db.ctx.clock.now = new Date('2026-12-28T02:00:00.000Z');
  const { entityId } = draftResult(app, drawId, '2026-12-04');
  await page.setViewportSize({ width: 1366, height: 768 });
  const deadline = page.getByTestId(`deadline-${entityId}`);

  await test.step('the home page shows the deadline as 待确认', async () => {
    await app.open('/');
    const row = page.getByTestId(`deadlines-task-${taskId}`);
    await expect(row).toContainText('1 户');
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    await expect(deadline).toHaveText('待确认（缺少2027年节假日安排）');
    await page.getByTestId('deadlines-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'calendar-1-pending');
  });

  await test.step('the task list of the plan flags the task: 期限待确认', async () => {
    await page
      .getByTestId(`deadlines-task-${taskId}`)
      .getByRole('button', { name: /抽查〔/ })
      .click();
    await expect(page.getByTestId(`task-deadlines-${taskId}`)).toHaveText('期限待确认 1');
    await screenshot(page, 'calendar-1-task-list');
  });

  await test.step('2027 is entered in 系统设置, a weekday 调休 refused at its field', async () => {
    await app.open('/settings');
    await page.getByTestId('holiday-new').click();
    const form = page.getByTestId('holiday-form');
    await fillRange(
      form.getByTestId('holiday-holidays').locator('.ant-picker-range').first(),
      '2027-01-01',
      '2027-01-03',
    );
    await form.getByRole('button', { name: '添加调休上班日' }).click();
    const workday = form.getByTestId('holiday-workdays').locator('.ant-picker-range').first();
    await fillRange(workday, '2027-02-15', '2027-02-15');
    await expect(form).toContainText('调休上班日应为周六或周日，2027-02-15不是');
    await fillRange(workday, '2027-02-13', '2027-02-13');
    await expect(form).not.toContainText('调休上班日应为周六或周日');
    await expect(page.getByTestId('year-preview')).toContainText('调休上班 1 天');
    await form.scrollIntoViewIfNeeded();
    await pageShot(page, 'calendar-2-form');
    await page.getByTestId('holiday-save').click();
    await expect(page.getByTestId('holiday-year-2027')).toContainText('管理员录入');
    await afterMotion(page);
    await screenshot(page, 'calendar-3-saved');
  });

  await test.step('the home page shows the deadline as a date', async () => {
    await app.open('/');
    await page
      .getByTestId(`deadlines-task-${taskId}`)
      .getByRole('button', { name: /展开|Expand/ })
      .click();
    await expect(deadline).toHaveText('2027-01-04（剩 4 个工作日）');
    await screenshot(page, 'calendar-4-date');
    await page
      .getByTestId(`deadlines-task-${taskId}`)
      .getByRole('button', { name: /抽查〔/ })
      .click();
    await expect(page.getByTestId(`task-deadlines-${taskId}`)).toHaveText('即将到期 1');
  });
});
