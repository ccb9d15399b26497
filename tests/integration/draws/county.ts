/**
 * A small demo county on a real temp SQLite file, with helpers to add a published task and run a draw through the
 * real services (the draw worker included). Shared by the plan and draw integration tests.
 */
import type { TaskInput } from '@shared/domain/tasks';
import { openDatabase, type DbConnection } from '../../../src-main/db/connection';
import { createServices, type Services } from '../../../src-main/services';
import { loadDemoData } from '../../../src-main/services/demo-data';
import { demoTaskInput } from '../../../src-main/services/plan-demo';
import { createTestDb, type TestDb } from '../../fixtures/test-db';

export interface County extends TestDb {
  /** A new plan (own title) with one task built from the demo task and `overrides`, published. */
  publishedTask(overrides?: Partial<TaskInput>): number;
  /** A new task named `name`, drawn up to 揭晓 (one witness, whose value is the name); returns the draw id. */
  revealed(name: string): Promise<number>;
  /** prepare → commit → two witnesses → reveal → seal; returns the draw id. */
  drawAndSeal(taskId: number): Promise<number>;
  /** Row count of a table (to check that a refusal wrote nothing). */
  count(table: string): number;
  /** Another clerk: a second connection and service set on the same file. */
  secondClerk(): Promise<{ conn: DbConnection; services: Services }>;
  close(): Promise<void>;
}

export const CEREMONY = { place: '县局三楼会议室', operator: '张敏', supervisor: '刘强(纪检)' };

export async function county(entities = 5000): Promise<County> {
  const t = await createTestDb('测试操作员');
  loadDemoData(t.conn.raw, { entities, actor: '测试操作员', now: t.ctx.now() });
  let plans = 0;
  const extra: { conn: DbConnection; services: Services }[] = [];
  const publishedTask = (overrides: Partial<TaskInput> = {}) => {
    const plan = t.services.plans.save({ year: 2026, title: `测试计划${++plans}` });
    const task = t.services.tasks.save(demoTaskInput(t.conn.raw, plan.id, t.ctx.now(), overrides));
    t.services.plans.publish(plan.id);
    return task.id;
  };
  return {
    ...t,
    publishedTask,
    async revealed(name) {
      const draws = t.services.draws;
      const { id } = await draws.prepare({ taskId: publishedTask({ name }) });
      draws.commit({ drawId: id, ...CEREMONY });
      draws.witness({ drawId: id, name: '李明', value: name });
      await draws.reveal({ drawId: id });
      return id;
    },
    async drawAndSeal(taskId) {
      const draws = t.services.draws;
      const { id } = await draws.prepare({ taskId });
      draws.commit({ drawId: id, ...CEREMONY });
      draws.witness({ drawId: id, name: '李明', role: '县人大代表', value: '314159' });
      draws.witness({ drawId: id, name: '王芳', value: '271828' });
      await draws.reveal({ drawId: id });
      await draws.seal({ drawId: id });
      return id;
    },
    count: (table) => t.conn.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    async secondClerk() {
      const conn = await openDatabase(t.path, { migrate: true });
      const services = createServices(conn, { actor: () => '另一位操作员', now: () => t.ctx.clock.now });
      extra.push({ conn, services });
      return { conn, services };
    },
    async close() {
      for (const e of extra) {
        await e.services.draws.dispose();
        await e.conn.close();
      }
      await t.services.draws.dispose();
      await t.cleanup();
    },
  };
}
