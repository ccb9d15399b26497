/** WorkerRpc (src-main/workers/worker-rpc.ts): answers by number, refusals carried over, a dead thread refused and replaced. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { WorkerRpc } from '../../src-main/workers/worker-rpc';

/** The worker side of the protocol by hand (serveRequests needs the TypeScript loader): doubles, refuses negatives. */
const DOUBLER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, request }) => {
  if (request < 0) parentPort.postMessage({ id, code: 'test.negative', message: '不能是负数' });
  else setTimeout(() => parentPort.postMessage({ id, value: request * 2 }), request);
});
`;
const died = (why: string) => new AppError('app.internal', `线程中止：${why}`);

describe('WorkerRpc', () => {
  it('answers each call with its own reply, in whatever order they come back, and carries refusals over', async () => {
    const rpc = new WorkerRpc<number, number>(() => new Worker(DOUBLER, { eval: true }), died);
    expect(await Promise.all([rpc.call(40), rpc.call(1), rpc.call(20)])).toEqual([80, 2, 40]);
    await expect(rpc.call(-1)).rejects.toMatchObject({ code: 'test.negative', message: '不能是负数' });
    await rpc.close();
  });

  it('passes progress reports to the call they belong to, before its answer', async () => {
    const counter = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', ({ id, request }) => {
        for (let done = 1; done <= request; done++) parentPort.postMessage({ id, progress: { done, total: request } });
        parentPort.postMessage({ id, value: 'fertig' });
      });`;
    const rpc = new WorkerRpc<number, string, { done: number; total: number }>(
      () => new Worker(counter, { eval: true }),
      died,
    );
    const seen: string[] = [];
    const [three, two] = await Promise.all([
      rpc.call(3, (p) => seen.push(`a ${p.done}/${p.total}`)),
      rpc.call(2, (p) => seen.push(`b ${p.done}/${p.total}`)),
    ]);
    expect([three, two]).toEqual(['fertig', 'fertig']);
    expect(seen).toEqual(['a 1/3', 'a 2/3', 'a 3/3', 'b 1/2', 'b 2/2']);
    await rpc.close();
  });

  it('refuses a request that cannot be sent, and answers the next one', async () => {
    const rpc = new WorkerRpc<unknown, number>(() => new Worker(DOUBLER, { eval: true }), died);
    await expect(rpc.call({ notCloneable: () => 1 })).rejects.toThrow(/could not be cloned/);
    expect(await rpc.call(3)).toBe(6);
    await rpc.close();
  });

  it('refuses the waiting calls of a thread that dies, and starts a new one for the next call', async () => {
    let started = 0;
    const rpc = new WorkerRpc<number, number>(() => {
      started++;
      return new Worker(started === 1 ? 'process.exit(3)' : DOUBLER, { eval: true });
    }, died);
    await expect(rpc.call(5)).rejects.toMatchObject({ code: 'app.internal', message: '线程中止：线程退出（代码 3）' });
    expect(await rpc.call(5)).toBe(10);
    expect(started).toBe(2);
    await rpc.close();
  });
});
