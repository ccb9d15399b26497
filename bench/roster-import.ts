/**
 * Entity import benchmark: `npx tsx bench/roster-import.ts [--rows N]`. Times on one file (written in a child process,
 * whose memory must not count) the read alone, raw INSERTs alone (with the schema's triggers) and the import job's two
 * passes. Target: confirm ≤ 1.5 × (read + insert); peak RSS, worker threads included, ≤ 600 MB.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, registerSqlFunctions, runMigrations } from '../src-main/db/connection';
import { IMPORT_WORKER_LIMITS, startImportJob } from '../src-main/rosters/import-job';
import { ENTITY_SPEC } from '../src-main/rosters/import-specs';
import { startWorker } from '../src-main/workers/start';
import { prng, syntheticEntityRow, writeEntityXlsx } from '../tests/fixtures/roster-files';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const rows = Number(option('--rows') ?? 1_000_000);
const OUT = join(__dirname, 'out');
const file = join(OUT, `entities-${rows}.xlsx`);
const MB = 1024 * 1024;

let peakRss = 0;
function sampleRss() {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<{ ms: number; value: T; peakMb: number }> {
  peakRss = process.memoryUsage.rss();
  const timer = setInterval(sampleRss, 50);
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  clearInterval(timer);
  sampleRss();
  const peakMb = Math.round(peakRss / MB);
  console.log(
    `  ${label.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(7)} s   peak RSS ${String(peakMb).padStart(5)} MB`,
  );
  return { ms, value, peakMb };
}

function readAlone(): Promise<{ records: number }> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(join(__dirname, 'roster-import-read.ts'), { path: file }, IMPORT_WORKER_LIMITS);
    worker.once('message', (m: { records: number; error?: string }) => {
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

/** The same rows as the file (same generator, same seed), as entity columns. */
function* sameRows(): Generator<Record<string, string | null>> {
  const random = prng(20260101);
  for (let i = 1; i <= rows; i++) {
    const r = syntheticEntityRow(i, random);
    yield {
      uscc: r[0],
      reg_no: r[1],
      name: r[2]!,
      entity_type: r[3]!,
      industry: r[4]!,
      address: r[5]!,
      area: r[6]!,
      office: r[7]!,
      legal_rep: r[8]!,
      phone: r[9]!,
      credit_grade: r[10],
      reg_status: r[11]!,
      tags: JSON.stringify(r[12] ? [r[12]] : []),
      last_inspected_on: r[13],
      flags: '[]',
    };
  }
}

function insertAlone(path: string, bare: boolean): number {
  rmSync(path, { force: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  registerSqlFunctions(raw);
  if (bare) {
    raw.exec(`CREATE TABLE entities (id INTEGER PRIMARY KEY, uscc TEXT, reg_no TEXT, name TEXT, entity_type TEXT, industry TEXT, address TEXT, area TEXT, office TEXT,
      legal_rep TEXT, phone TEXT, credit_grade TEXT, reg_status TEXT, tags TEXT, last_inspected_on TEXT, flags TEXT, created_at TEXT, updated_at TEXT)`);
  } else {
    runMigrations(raw);
  }
  const columns = ENTITY_SPEC.columns;
  const insert = raw.prepare(
    `INSERT INTO entities (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map((c) => '@' + c).join(', ')}, @at, @at)`,
  );
  const at = new Date().toISOString();
  let n = 0;
  raw.transaction(() => {
    for (const row of sameRows()) {
      insert.run({ ...row, at });
      n++;
    }
  })();
  raw.close();
  return n;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (args.includes('--generate')) {
    await writeEntityXlsx(file, rows);
    return;
  }
  if (!existsSync(file)) {
    console.log(`writing ${file} (${rows} rows) in a child process…`);
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--generate', '--rows', String(rows)], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error('fixture generation failed');
  }
  console.log(`entity import benchmark, ${rows} rows, ${file}`);
  const read = await timed('read alone (worker, streaming)', readAlone);
  const insert = await timed('insert alone (raw prepared, this schema)', () =>
    insertAlone(join(OUT, 'insert-alone.sqlite'), false),
  );
  const bare = await timed('insert alone (bare table, reference)', () =>
    insertAlone(join(OUT, 'insert-bare.sqlite'), true),
  );

  const dbPath = join(OUT, 'import.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  await (await openDatabase(dbPath, { migrate: true })).close();
  const base = { dbPath, kind: 'entities' as const, path: file, actor: 'bench', nowIso: new Date().toISOString() };
  const preview = await timed(
    'import: preview pass (read + compare)',
    () => startImportJob({ ...base, mode: 'preview' }).result,
  );
  const confirm = await timed(
    'import: confirm pass (read + upsert + log)',
    () => startImportJob({ ...base, mode: 'confirm', rejectRows: [...preview.value.rejectRows] }).result,
  );
  const again = await timed(
    're-import preview (all unchanged)',
    () => startImportJob({ ...base, mode: 'preview' }).result,
  );

  const floor = read.ms + insert.ms;
  console.log('');
  console.log(
    `  counts: ${JSON.stringify(confirm.value.report.counts)}; re-import: ${JSON.stringify(again.value.report.counts)}`,
  );
  console.log(`  read ${read.value.records} records; inserted ${insert.value} (+ bare ${bare.value})`);
  console.log(`  confirm / (read + insert)            = ${(confirm.ms / floor).toFixed(2)}×  (target ≤ 1.5×)`);
  console.log(
    `  (preview + confirm) / (read + insert) = ${((preview.ms + confirm.ms) / floor).toFixed(2)}×  (the CLI does both)`,
  );
  console.log(
    `  confirm / (read + bare insert)       = ${(confirm.ms / (read.ms + bare.ms)).toFixed(2)}×  (reference)`,
  );
  const peak = Math.max(preview.peakMb, confirm.peakMb, read.peakMb);
  console.log(
    `  peak RSS during the import jobs      = ${Math.max(preview.peakMb, confirm.peakMb)} MB (target ≤ 600 MB)`,
  );
  void peak;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
