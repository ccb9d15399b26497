import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '@shared/ipc/client';
import { CHANNELS } from '@shared/ipc/contract';
import { requestSchemas } from '@shared/ipc/schemas';

describe('the IPC contract', () => {
  it('has exactly one request schema per channel', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it('names channels domain:verb', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+(?:-[a-z]+)*:[a-z]+(?:-[a-z]+)*$/);
  });
});

describe('createApi', () => {
  it('exposes one function per channel and nothing else', () => {
    const api = createApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('passes the channel and payload through and returns the value', async () => {
    const calls: unknown[][] = [];
    const api = createApi(async (channel, req) => {
      calls.push([channel, req]);
      return { ok: true, value: { echoed: req } };
    });
    await expect(api['settings:set']({ minTeamSize: 3 })).resolves.toEqual({ echoed: { minTeamSize: 3 } });
    expect(calls).toEqual([['settings:set', { minTeamSize: 3 }]]);
  });

  it('sends {} when called without a payload', async () => {
    let seen: unknown;
    const api = createApi(async (_c, req) => ((seen = req), { ok: true, value: 1 }));
    await api['app:info']();
    expect(seen).toEqual({});
  });

  it('turns an error result into an ApiError with the Chinese message', async () => {
    const api = createApi(async () => ({ ok: false, error: { code: 'plan.notFound', message: '出错了' } }));
    const err = await api['settings:get']({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'plan.notFound', message: '出错了' });
  });
});
