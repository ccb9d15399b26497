/**
 * Hostile payloads over every channel the contract holds, through the real dispatch on a real database: each is
 * refused with a Chinese message, none is an internal error, and no table changes by a single row.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '@shared/ipc/contract';
import { requestSchemas } from '@shared/ipc/schemas';
import { textProblem } from '@shared/domain/safe-text';
import { createDispatch, type Dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { DbConnection } from '../../src-main/db/connection';
import { createTestDb, type TestDb } from '../fixtures/test-db';

const TRUSTED = 'app://ssj/index.html';
const CHINESE = /[\u4e00-\u9fff]/;
const RUNS_PER_CHANNEL = 16;

/** Every table's rows, hashed: the database before and after must be the same to the byte. */
function fingerprint(conn: DbConnection): Record<string, string> {
  const tables = conn.raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => {
      const rows = conn.raw.prepare(`SELECT * FROM "${t}"`).raw().all();
      const lines = rows.map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      return [t, createHash('sha256').update(lines.sort().join('\n')).digest('hex')];
    }),
  );
}

interface ZodDef {
  type: string;
  shape?: Record<string, unknown>;
  options?: unknown[];
  innerType?: unknown;
  in?: unknown;
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: unknown): ZodDef | undefined => (schema as { _zod?: { def: ZodDef } })._zod?.def;

/** Values no field may take: refused wherever they land (a schema that takes one is a finding). */
const mustRefuse: fc.Arbitrary<unknown> = fc.constantFrom(
  '\u0000',
  '甲\u0000乙',
  'ab\ud800',
  '\udc00',
  '名\u202e称',
  '\u2066x',
  '\u001b[2J',
  'x'.repeat(100_000),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);
function holdsMustRefuse(value: unknown): boolean {
  if (typeof value === 'string') return textProblem(value, '') !== null || value.length >= 100_000;
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value && typeof value === 'object') return Object.values(value).some(holdsMustRefuse);
  return false;
}

/** Junk that may or may not fit a field: kept only when the schema refuses the payload. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('9999-12-31', '2026-02-31', '', ' ', '=1+1', '__proto__', -1, 0, 1.5, 2 ** 53, null, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.anything({ maxDepth: 2 }),
);

/**
 * A payload shaped like the schema: each field a plausible value (the enum's values, a small number, a date-like
 * string), a value no field may take, or junk — so hostile values reach fields behind discriminators and nesting.
 */
function shaped(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 5) return junk;
  const mixed = (inner: unknown) =>
    fc.oneof(
      { arbitrary: shaped(inner, depth + 1), weight: 6 },
      { arbitrary: mustRefuse, weight: 1 },
      { arbitrary: junk, weight: 1 },
    );
  switch (def.type) {
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, mixed(v)])));
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => shaped(o, depth + 1)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'number':
      return fc.integer({ min: 1, max: 3 });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.constantFrom('甲乙', '2026-03-02', 'x');
    case 'array':
      return fc.array(mixed((def as { element?: unknown }).element), { maxLength: 2 });
    default: {
      const inner = def.innerType ?? def.in;
      return inner ? shaped(inner, depth) : junk;
    }
  }
}

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: shaped(requestSchemas[channel]), weight: 6 },
    { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 },
    { arbitrary: junk, weight: 1 },
  );
}

let t: TestDb;
let dispatch: Dispatch;
const logged: unknown[] = [];

beforeAll(async () => {
  t = await createTestDb();
  dispatch = createDispatch({
    handlers: createHandlers(t.services),
    isTrustedSender: (url) => url === TRUSTED,
    logError: (_c, e) => logged.push(e),
  });
});
afterAll(() => t.cleanup());

describe('hostile payloads over every channel', () => {
  it('are refused in Chinese, never internal errors, and change no table', async () => {
    const before = fingerprint(t.conn);
    const problems: string[] = [];
    let sent = 0;
    for (const channel of CHANNELS) {
      const samples = fc.sample(payloads(channel), { numRuns: RUNS_PER_CHANNEL * 5, seed: 15 });
      const malformed = samples.filter((p) => holdsMustRefuse(p) || !requestSchemas[channel].safeParse(p).success);
      for (const payload of malformed.slice(0, RUNS_PER_CHANNEL)) {
        sent++;
        const res = await dispatch(TRUSTED, channel, payload);
        const where = `${channel} ${JSON.stringify(payload)?.slice(0, 120)}`;
        if (res.ok) problems.push(`accepted: ${where}`);
        else if (res.error.code === 'app.internal') problems.push(`internal: ${where}`);
        else if (!CHINESE.test(res.error.message)) problems.push(`not Chinese: ${where}: ${res.error.message}`);
      }
    }
    expect(problems).toEqual([]);
    expect(logged).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(fingerprint(t.conn)).toEqual(before);
  });
});
