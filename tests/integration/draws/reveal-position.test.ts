/**
 * The projector's position in a revealed draw's list (draws:reveal-position, draws:reveal-move, draws:reveal-fit)
 * through the IPC dispatch: the operator pages and pauses, playing moves on as the clock does, the projector's measure
 * keeps the first package on screen, and draws:ceremony-state carries the packages of the screen shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CeremonyState, RevealPosition } from '@shared/domain/draws';
import { createDispatch } from '../../../src-main/ipc/dispatch';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { CEREMONY, county, type County } from '../../fixtures/county';

let c: County;
let dispatch: ReturnType<typeof createDispatch>;
let taskId: number;
let drawId: number;
beforeAll(async () => {
  c = await county(3000);
  dispatch = createDispatch({ handlers: createHandlers(c.services), isTrustedSender: () => true });
  // 30 entities in packages of 3: ten packages, three screens of four until a projector measures its window.
  taskId = c.publishedTask({
    name: '翻屏测试任务',
    ratio: { mode: 'fixed', count: 30 },
    packageSize: 3,
    clusterBy: 'none',
  });
  const draws = c.services.draws;
  drawId = (await draws.prepare({ taskId })).id;
  draws.commit({ drawId, ...CEREMONY });
  draws.witness({ drawId, name: '李明', value: '314159' });
});
afterAll(async () => {
  await c.close();
});

async function call<T>(channel: string, request: object): Promise<T> {
  const answer = await dispatch('app://ssj/', channel, { taskId, ...request });
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}
const position = () => call<RevealPosition | null>('draws:reveal-position', {});
const moveTo = (move: string) => call<RevealPosition>('draws:reveal-move', { move });
const shownPackages = async () =>
  (await call<CeremonyState>('draws:ceremony-state', {})).result!.packages.map((p) => p.no);
const tick = (ms: number) => (c.ctx.clock.now = new Date(c.ctx.clock.now.getTime() + ms));

describe('the projector’s position in the drawn list', () => {
  it('there is none before 揭晓, and moving is refused in Chinese', async () => {
    expect(await position()).toBeNull();
    expect(await dispatch('app://ssj/', 'draws:reveal-move', { taskId, move: 'next' })).toMatchObject({
      ok: false,
      error: { code: 'draw.notRevealed', message: expect.stringContaining('尚未揭晓') },
    });
    expect(await dispatch('app://ssj/', 'draws:reveal-move', { taskId, move: 'jump' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest', message: expect.stringContaining('投影翻屏操作不正确') },
    });
  });

  it('揭晓 starts on the first screen, playing; the ceremony state carries that screen’s packages', async () => {
    await c.services.draws.reveal({ drawId });
    expect(await position()).toEqual({ drawId, view: 'list', screen: 1, screens: 3, perScreen: 4, paused: false });
    const state = await call<CeremonyState>('draws:ceremony-state', {});
    expect(state.reveal).toMatchObject({ screen: 1, view: 'list' });
    expect(state.result).toMatchObject({ packageCount: 10, largestPackage: 3 });
    expect(await shownPackages()).toEqual([1, 2, 3, 4]);
  });

  it('playing, a screen gives way to the next once read (4 s and 0.28 s a line), the last to the summary', async () => {
    tick(4000 + 280 * 4 * 5 - 1);
    expect(await position()).toMatchObject({ screen: 1 });
    tick(1);
    expect(await position()).toMatchObject({ screen: 2 });
    expect(await shownPackages()).toEqual([5, 6, 7, 8]);
    tick(60_000);
    expect(await position()).toMatchObject({ view: 'summary', screen: 3, paused: true });
    expect(await shownPackages()).toEqual([]);
  });

  it('the operator pages: 下一屏 from the summary starts the list again, 上一屏 goes back, paused stays put', async () => {
    expect(await moveTo('next')).toMatchObject({ view: 'list', screen: 1, paused: true });
    expect(await moveTo('next')).toMatchObject({ screen: 2 });
    expect(await moveTo('next')).toMatchObject({ screen: 3 });
    expect(await moveTo('previous')).toMatchObject({ screen: 2 });
    tick(600_000);
    expect(await position()).toMatchObject({ view: 'list', screen: 2, paused: true });
    expect(await moveTo('resume')).toMatchObject({ screen: 2, paused: false });
    expect(await moveTo('pause')).toMatchObject({ screen: 2, paused: true });
    expect(await moveTo('summary')).toMatchObject({ view: 'summary' });
    expect(await moveTo('previous')).toMatchObject({ view: 'list', screen: 3 });
    expect(await shownPackages()).toEqual([9, 10]);
    expect(await moveTo('previous')).toMatchObject({ screen: 2 });
  });

  it('a projector’s measure keeps the first package of the screen on screen', async () => {
    expect(await call('draws:reveal-fit', { perScreen: 2 })).toMatchObject({ screen: 3, screens: 5, perScreen: 2 });
    expect(await shownPackages()).toEqual([5, 6]);
    expect(await call('draws:reveal-fit', { perScreen: 6 })).toMatchObject({ screen: 1, screens: 2 });
    expect(await dispatch('app://ssj/', 'draws:reveal-fit', { taskId, perScreen: 0 })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidRequest' },
    });
  });

  it('after 封存 the list stays browsable; a restarted app opens the sealed draw on its summary', async () => {
    await c.services.draws.seal({ drawId });
    expect(await moveTo('next')).toMatchObject({ view: 'list', screen: 2, screens: 2 });
    expect(await shownPackages()).toEqual([7, 8, 9, 10]);
    const other = await c.secondClerk();
    expect(other.services.draws.revealPosition({ taskId })).toMatchObject({ view: 'summary', paused: true });
    expect(other.services.draws.moveReveal({ taskId, move: 'next' })).toMatchObject({ view: 'list', screen: 1 });
  });
});
