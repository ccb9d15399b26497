/** A sealed draw on a temp demo county, shared by the sheets tests (one per test file). */
import { county, type County } from '../../fixtures/county';

export interface SealedDraw {
  c: County;
  drawId: number;
  taskId: number;
}

export async function sealedDraw(): Promise<SealedDraw> {
  const c = await county(800);
  const taskId = c.publishedTask({ name: '一户一表测试任务' });
  const drawId = await c.drawAndSeal(taskId);
  return { c, drawId, taskId };
}
