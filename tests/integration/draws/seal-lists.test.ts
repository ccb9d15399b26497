/**
 * 封存 and the roster-dates step at the row level: the set-based reads and writes (people and entity names in one
 * statement each, draw_selected in multi-row statements or one join after a restart) give exactly what a lookup per row
 * gives, and the connection settings the two steps change for speed are put back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeLabel } from '@shared/domain/tasks';
import { rosterDatesStep, sealStep, SnapshotCache, type Snapshot, type StepContext } from '../../../src-main/services/draw-steps';
import { currentBody, entitiesByCode, latestProof, loadDrawRow, sealedEntities } from '../../../src-main/services/draw-views';
import { expertDrawId, lookupPeople } from '../../../src-main/services/task-scope';
import { CEREMONY, county, type County } from './county';

let c: County;
beforeAll(async () => {
  c = await county(3000);
});
afterAll(async () => {
  await c.close();
});

const step = (): StepContext => ({ actor: '测试操作员', now: c.ctx.now(), progress: () => undefined });

/** The per-id lookup lookupPeople replaced (two statements per id), as the reference. */
function lookupPeopleOneByOne(ids: readonly string[]) {
  const raw = c.conn.raw;
  const out = new Map<string, { name: string; office: string; isExpert: boolean }>();
  const inspector = raw.prepare('SELECT name, office FROM inspectors WHERE badge_no = ?');
  const expert = raw.prepare('SELECT name, organisation FROM experts WHERE id = ?');
  for (const id of new Set(ids)) {
    const expertRow = /^专家\d+$/.test(id) ? (expert.get(Number(id.slice(2))) as { name: string; organisation: string } | undefined) : undefined;
    if (expertRow) {
      out.set(id, { name: expertRow.name, office: expertRow.organisation || '专家库', isExpert: true });
      continue;
    }
    const row = inspector.get(id) as { name: string; office: string } | undefined;
    out.set(id, row ? { name: row.name, office: row.office, isExpert: false } : { name: '(已不在名录中)', office: '', isExpert: false });
  }
  return out;
}

/** A revealed draw of a new task, ready for 封存. */
async function revealed(name: string): Promise<number> {
  const { id } = await c.services.draws.prepare({ taskId: c.publishedTask({ name }) });
  c.services.draws.commit({ drawId: id, ...CEREMONY });
  c.services.draws.witness({ drawId: id, name: '李明', value: name });
  await c.services.draws.reveal({ drawId: id });
  return id;
}

/** draw_selected as the proof says it should be, with each code looked up in the roster one by one. */
function expectedSelected(drawId: number) {
  const body = currentBody(c.conn.raw, loadDrawRow(c.conn.raw, drawId))!;
  const packageOf = new Map(body.result.packages.flatMap((p) => p.entities.map((code) => [code, p.no] as const)));
  const entities = entitiesByCode(c.conn.raw, body.result.selected.map((e) => e.code));
  const ranks = new Map<string, number>();
  return body.result.selected
    .map((e) => {
      const rank = (ranks.get(e.stratum) ?? 0) + 1;
      ranks.set(e.stratum, rank);
      return { draw_id: drawId, entity_id: entities.get(e.code)!.id, code: e.code, stratum: e.stratum, rank, key: e.key, package_no: packageOf.get(e.code)! };
    })
    .sort((a, b) => a.entity_id - b.entity_id);
}

const selectedRows = (drawId: number) => c.conn.raw.prepare('SELECT * FROM draw_selected WHERE draw_id = ? ORDER BY entity_id').all(drawId);

describe('lookupPeople', () => {
  it('names inspectors, experts and the missing exactly as a lookup per id does, in first-seen order', () => {
    const raw = c.conn.raw;
    const badges = raw.prepare('SELECT badge_no FROM inspectors ORDER BY id LIMIT 5').pluck().all() as string[];
    const experts = (raw.prepare('SELECT id FROM experts ORDER BY id LIMIT 3').pluck().all() as number[]).map(expertDrawId);
    expect(badges.length).toBe(5);
    expect(experts.length).toBe(3);
    // An expert id whose row does not exist, with and without an inspector of that badge number (then it is that inspector).
    const lost = expertDrawId(999_999);
    raw
      .prepare("INSERT INTO inspectors (badge_no, name, office, created_at, updated_at) VALUES (?, '同号人员', '测试所', 'x', 'x')")
      .run(expertDrawId(999_998));
    const ids = [badges[3], experts[1], '不存在的证号', lost, badges[0], experts[1], expertDrawId(999_998), '专家', badges[3], ...experts, ...badges];
    const people = lookupPeople(raw, ids);
    expect([...people]).toEqual([...lookupPeopleOneByOne(ids)]);
    expect(people.get(experts[0])?.isExpert).toBe(true);
    expect(people.get(lost)).toEqual({ name: '(已不在名录中)', office: '', isExpert: false });
    expect(people.get(expertDrawId(999_998))).toEqual({ name: '同号人员', office: '测试所', isExpert: false });
    expect(lookupPeople(raw, [])).toEqual(new Map());
  });
});

describe('封存 lists the drawn entities', () => {
  it('with the roster ids 揭晓 kept: the same rows, names and record as a lookup per code gives', async () => {
    const drawId = await revealed('名单核对一');
    // The worker's snapshot after 揭晓 (code → roster id); a fresh one here, as a fresh cache has none.
    const expected = expectedSelected(drawId);
    const cache = new SnapshotCache();
    cache.set({ drawId, selectedIds: new Map(expected.map((r) => [r.code, r.entity_id])) } as unknown as Snapshot);
    sealStep(c.conn.raw, drawId, step(), cache);
    expect(selectedRows(drawId)).toEqual(expected);

    const names = sealedEntities(c.conn.raw, drawId);
    expect([...names].sort()).toEqual([...entitiesByCode(c.conn.raw, expected.map((r) => r.code))].sort());
    const record = c.services.draws.resultRecord(drawId);
    const body = latestProof(c.conn.raw, drawId)!.body;
    expect(record.packages.flatMap((p) => p.entities.map((e) => [e.uscc, e.name, e.address, e.stratum]))).toEqual(
      body.result.packages.flatMap((p) => p.entities.map((code) => [code, names.get(code)!.name, names.get(code)!.address, gradeLabel(expected.find((r) => r.code === code)!.stratum)])),
    );
    const people = lookupPeopleOneByOne(body.result.packages.flatMap((p) => p.team));
    expect(record.packages.map((p) => p.team)).toEqual(body.result.packages.map((p) => p.team.map((id) => ({ name: people.get(id)!.name, certNo: id, office: people.get(id)!.office }))));
    await c.services.draws.settle();
  });

  it('after a restart (no roster ids kept): the codes are looked up in the roster, the same rows', async () => {
    const drawId = await revealed('名单核对二');
    const expected = expectedSelected(drawId);
    sealStep(c.conn.raw, drawId, step());
    expect(selectedRows(drawId)).toEqual(expected);
    expect(c.conn.raw.prepare("SELECT detail FROM audit_log WHERE action = 'draws:seal' AND target = ?").pluck().get(`draws:${drawId}`)).toBe(
      JSON.stringify({ selected: expected.length, missingEntities: 0, proofVersion: 1 }),
    );
  });

  it('puts the connection settings back: 封存 and the roster dates change the checkpoint and the page cache only for themselves', async () => {
    const raw = c.conn.raw;
    raw.pragma('wal_autocheckpoint = 777');
    raw.pragma('cache_size = -3000');
    try {
      const drawId = await revealed('设置复原');
      sealStep(raw, drawId, step());
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      rosterDatesStep(raw, drawId, step());
      expect(raw.prepare('SELECT count(*) FROM draw_roster_dates WHERE draw_id = ?').pluck().get(drawId)).toBe(1);
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      expect(raw.pragma('cache_size', { simple: true })).toBe(-3000);
      // A refused 封存 (already sealed) changes nothing either.
      expect(() => sealStep(raw, drawId, step())).toThrow(/已封存/);
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
    } finally {
      raw.pragma('wal_autocheckpoint = 1000');
      raw.pragma('cache_size = -16000');
    }
  });
});
