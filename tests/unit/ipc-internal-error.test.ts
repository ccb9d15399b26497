import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { createDispatch, INTERNAL_MESSAGE } from '../../src-main/ipc/dispatch';
import type { Handlers } from '../../src-main/ipc/handlers';

function dispatchThrowing(error: unknown) {
  const handlers = {
    'app:info': () => {
      throw error;
    },
  } as unknown as Handlers;
  return createDispatch({ handlers, isTrustedSender: () => true });
}

afterEach(() => vi.restoreAllMocks());

describe('an internal failure on the dispatch path', () => {
  it.each([
    ['a bug', new TypeError('Cannot read properties of undefined (reading "x")')],
    [
      'an app.internal AppError from a worker',
      new AppError('app.internal', '导入时发生程序内部错误：Error: boom\n    at f'),
    ],
  ])('is logged with its stack and answered in one Chinese sentence (%s)', async (_what, error) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await dispatchThrowing(error)('app://ssj/index.html', 'app:info', {});

    expect(res).toEqual({ ok: false, error: { code: 'app.internal', message: INTERNAL_MESSAGE } });
    if (!res.ok) expect(res.error.message).not.toMatch(/[A-Za-z]|\n/);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0].join(' ')).toContain((error as Error).stack);
  });

  it('passes a refusal (any other AppError) through as it is, unlogged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await dispatchThrowing(new AppError('plan.notFound', '没有找到该计划'))('app://ssj/', 'app:info', {});
    expect(res).toEqual({ ok: false, error: { code: 'plan.notFound', message: '没有找到该计划' } });
    expect(log).not.toHaveBeenCalled();
  });
});
