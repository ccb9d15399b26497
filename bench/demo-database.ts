/** The demo roster the roster query and ceremony benchmarks share (the ceremony copies the query benchmark's). */
import { openDatabase } from '../src-main/db/connection';
import { loadDemoData } from '../src-main/demo/demo-data';

/** Writes a migrated, analysed demo database of `entities` at `path`, printing its progress. */
export async function buildDemoDatabase(path: string, entities: number): Promise<void> {
  const conn = await openDatabase(path, { migrate: true });
  loadDemoData(conn.raw, {
    entities,
    actor: 'bench',
    now: new Date('2026-11-23T00:00:00Z'),
    onProgress: (n) => n % 200_000 === 0 && console.log(`  demo: ${n}`),
  });
  conn.raw.exec('ANALYZE');
  await conn.close();
}
