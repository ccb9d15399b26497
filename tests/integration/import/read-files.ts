/** Reading real import files in tests: a temp dir per test file, every row of a file, and the refusals. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { openImportFile, type ImportRowResult } from '../../../src-main/rosters/readers/index';
import type { RosterKind } from '@shared/domain/rosters';
import { refusal } from '../../fixtures/refusal';
import { syntheticUscc } from '../../fixtures/roster-files';

/** A temp dir made before the file's tests and removed after them. */
export function useTempDir(): { readonly path: string } {
  const dir = { path: '' };
  beforeAll(async () => {
    dir.path = await mkdtemp(join(tmpdir(), 'ssj-import-'));
  });
  afterAll(async () => {
    await rm(dir.path, { recursive: true, force: true });
  });
  return dir;
}

export async function readAll<K extends RosterKind>(path: string, kind: K, options = {}) {
  const reading = await openImportFile(path, kind, options);
  const results: ImportRowResult<unknown>[] = [];
  for await (const batch of reading) results.push(...batch);
  return { reading, results };
}

export async function expectAppError(promise: Promise<unknown>, code: string): Promise<string> {
  const { code: refused, message } = await refusal(() => promise);
  expect(refused).toBe(code);
  expect(message).toMatch(/[\u4e00-\u9fff]/); // a Chinese sentence for the clerk
  return message;
}

export const U1 = syntheticUscc(1);
export const U2 = syntheticUscc(2, '2');
export const U3 = syntheticUscc(3);
export const BAD_CHECK = U3.slice(0, 17) + (U3[17] === '0' ? '1' : '0');
