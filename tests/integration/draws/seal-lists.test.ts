/**
 * 封存 and the roster-dates step at the row level: the set-based reads and writes (people and entity names in one
 * statement each, draw_selected in multi-row statements or one join after a restart) give exactly what a lookup per row
 * gives; part two of the record, stored compact by 封存 and in full by 递补, reads back as the full record; the sealed
 * body is the revealed one with its info; and the connection settings the two steps change for speed are put back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeLabel } from '@shared/domain/tasks';
import { chinaDate } from '@shared/domain/china-time';
import { recordResult } from '../../../src-main/draws/records';
import { rosterDatesStep } from '../../../src-main/draws/worker/roster-dates-step';
import { sealStep, withInfo } from '../../../src-main/draws/worker/seal-step';
import { SnapshotCache, type Snapshot, type StepContext } from '../../../src-main/draws/worker/step-context';
import {
  amendmentRows,
  currentBody,
  drawResultText,
  entitiesByCode,
  latestProof,
  loadDrawRow,
  sealedEntities,
  type ProofBody,
} from '../../../src-main/draws/views';
import { expertDrawId, inspectorDrawId, lookupPeople, type DrawPerson } from '../../../src-main/draws/draw-people';
import { first, qb } from '../../../src-main/db/sql';
import { CEREMONY, county, type County } from '../../fixtures/county';

let c: County;
beforeAll(async () => {
  c = await county(3000);
});
afterAll(async () => {
  await c.close();
});

const step = (): StepContext => ({ actor: '测试操作员', now: c.ctx.now(), progress: () => undefined });

/** The per-id lookup lookupPeople replaced (a statement per id and kind) with its own field mapping, as the reference. */
function lookupPeopleOneByOne(ids: readonly string[]) {
  const raw = c.conn.raw;
  const out = new Map<string, DrawPerson>();
  const inspectors = qb.selectFrom('inspectors').select(['id', 'badge_no', 'name', 'office', 'phone']);
  const experts = qb.selectFrom('experts').select(['id', 'name', 'organisation', 'phone']);
  for (const id of new Set(ids)) {
    const e = /^专家\d+$/.test(id) ? first(raw, experts.where('id', '=', Number(id.slice(2)))) : undefined;
    const i =
      (/^检查员\d+$/.test(id) ? first(raw, inspectors.where('id', '=', Number(id.slice(3)))) : undefined) ??
      first(raw, inspectors.where('badge_no', '=', id));
    const person: DrawPerson = e
      ? {
          name: e.name,
          office: e.organisation || '专家库',
          isExpert: true,
          badgeNo: '',
          phone: e.phone,
          key: expertDrawId(e.id),
        }
      : i
        ? {
            name: i.name,
            office: i.office,
            isExpert: false,
            badgeNo: i.badge_no,
            phone: i.phone,
            key: inspectorDrawId(i.id),
          }
        : {
            name: '（已不在名录中）',
            office: '',
            isExpert: false,
            badgeNo: /^(专家|检查员)\d+$/.test(id) ? '' : id,
            phone: '',
            key: id,
          };
    out.set(id, person);
  }
  return out;
}

/** draw_selected as the proof says it should be, with each code looked up in the roster one by one. */
function expectedSelected(drawId: number) {
  const body = currentBody(c.conn.raw, loadDrawRow(c.conn.raw, drawId))!;
  const packageOf = new Map(body.result.packages.flatMap((p) => p.entities.map((code) => [code, p.no] as const)));
  const entities = entitiesByCode(
    c.conn.raw,
    body.result.selected.map((e) => e.code),
  );
  const ranks = new Map<string, number>();
  return body.result.selected
    .map((e) => {
      const rank = (ranks.get(e.stratum) ?? 0) + 1;
      ranks.set(e.stratum, rank);
      return {
        draw_id: drawId,
        entity_id: entities.get(e.code)!.id,
        code: e.code,
        stratum: e.stratum,
        rank,
        key: e.key,
        package_no: packageOf.get(e.code)!,
      };
    })
    .sort((a, b) => a.entity_id - b.entity_id);
}

const selectedRows = (drawId: number) =>
  c.conn.raw.prepare('SELECT * FROM draw_selected WHERE draw_id = ? ORDER BY entity_id').all(drawId);

describe('withInfo', () => {
  const body = (info?: object, last = true): ProofBody =>
    (last
      ? { spec: 'ssj-draw/1', seed: 'ab', result: { selected: [], packages: [] }, ...(info ? { info } : {}) }
      : { info, spec: 'ssj-draw/1', seed: 'ab' }) as unknown as ProofBody;
  const info = { sealedAt: '2026-11-23T09:00:00.000Z', sealedBy: '张三', note: '引号"与\\反斜杠\n' };

  it('gives JSON.stringify of the body with the new info, whatever the shape of the text', () => {
    for (const [before, text] of [
      [body({ bureau: '某局', witnesses: [{ name: '李"明' }] }), undefined],
      [body(undefined), undefined],
      [body({ bureau: '某局' }, false), undefined],
      // Not what JSON.stringify writes (spaces): serialised in full.
      [body({ bureau: '某局' }), ' {"spec": "ssj-draw/1", "info": {"bureau": "某局"}} '],
      [body({}), undefined],
    ] as [ProofBody, string | undefined][]) {
      const expected = JSON.stringify({ ...before, info });
      expect(withInfo(text ?? JSON.stringify(before), before, info)).toBe(expected);
      expect(before.info).toEqual(info);
    }
  });

  it('reuses the text before `info` (it is not serialised again)', () => {
    const stale = { marker: 2, info: { a: 1 } } as unknown as ProofBody;
    expect(withInfo('{"marker":1,"info":{"a":1}}', stale, info)).toBe(`{"marker":1,"info":${JSON.stringify(info)}}`);
  });
});

describe('lookupPeople', () => {
  it('names inspectors, experts and the missing exactly as a lookup per id does, in first-seen order', () => {
    const raw = c.conn.raw;
    const badges = raw.prepare('SELECT badge_no FROM inspectors ORDER BY id LIMIT 5').pluck().all() as string[];
    const rows = raw.prepare('SELECT id FROM inspectors ORDER BY id LIMIT 5').pluck().all() as number[];
    const pseudonyms = [...rows.map(inspectorDrawId), inspectorDrawId(999_999)];
    const experts = (raw.prepare('SELECT id FROM experts ORDER BY id LIMIT 3').pluck().all() as number[]).map(
      expertDrawId,
    );
    expect(badges.length).toBe(5);
    expect(experts.length).toBe(3);
    // An expert id whose row does not exist, with and without an inspector of that badge number (then it is that inspector).
    const lost = expertDrawId(999_999);
    raw
      .prepare(
        "INSERT INTO inspectors (badge_no, name, office, created_at, updated_at) VALUES (?, '同号人员', '测试所', 'x', 'x')",
      )
      .run(expertDrawId(999_998));
    const ids = [
      badges[3],
      experts[1],
      '不存在的证号',
      lost,
      badges[0],
      experts[1],
      expertDrawId(999_998),
      '专家',
      badges[3],
      ...experts,
      ...badges,
      ...pseudonyms,
    ];
    const people = lookupPeople(raw, ids);
    expect([...people]).toEqual([...lookupPeopleOneByOne(ids)]);
    expect(people.get(experts[0])?.isExpert).toBe(true);
    expect(people.get(lost)).toMatchObject({ name: '（已不在名录中）', office: '', isExpert: false, badgeNo: '' });
    expect(people.get(expertDrawId(999_998))).toMatchObject({ name: '同号人员', office: '测试所', isExpert: false });
    // An inspector is the same person by 执法证号 (older draws) and by 检查员N.
    expect(people.get(pseudonyms[3])).toEqual(people.get(badges[3]));
    expect(people.get(pseudonyms[3])?.badgeNo).toBe(badges[3]);
    expect(people.get(pseudonyms[5])).toMatchObject({ name: '（已不在名录中）', badgeNo: '' });
    expect(people.get('不存在的证号')?.badgeNo).toBe('不存在的证号');
    expect(lookupPeople(raw, [])).toEqual(new Map());
  });
});

describe('封存 lists the drawn entities', () => {
  it('with the roster ids 揭晓 kept: the same rows, names and record as a lookup per code gives', async () => {
    const drawId = await c.revealed('名单核对一');
    // The worker's snapshot after 揭晓 (code → roster id); a fresh one here, as a fresh cache has none.
    const expected = expectedSelected(drawId);
    const cache = new SnapshotCache();
    cache.set({ drawId, selectedIds: new Map(expected.map((r) => [r.code, r.entity_id])) } as unknown as Snapshot);
    sealStep(c.conn.raw, drawId, step(), cache);
    expect(selectedRows(drawId)).toEqual(expected);

    const names = sealedEntities(c.conn.raw, drawId);
    expect([...names].sort()).toEqual(
      [
        ...entitiesByCode(
          c.conn.raw,
          expected.map((r) => r.code),
        ),
      ].sort(),
    );
    const record = c.services.draws.resultRecord(drawId);
    const body = latestProof(c.conn.raw, drawId)!.body;
    expect(record.packages.flatMap((p) => p.entities.map((e) => [e.uscc, e.name, e.address, e.stratum]))).toEqual(
      body.result.packages.flatMap((p) =>
        p.entities.map((code) => [
          code,
          names.get(code)!.name,
          names.get(code)!.address,
          gradeLabel(expected.find((r) => r.code === code)!.stratum),
        ]),
      ),
    );
    const people = lookupPeopleOneByOne(body.result.packages.flatMap((p) => p.team));
    expect(record.packages.map((p) => p.team)).toEqual(
      body.result.packages.map((p) =>
        p.team.map((id) => ({ name: people.get(id)!.name, certNo: id, office: people.get(id)!.office })),
      ),
    );
  });
});

describe('封存 stores part two of the record', () => {
  it('stores part two compact and reads it back as the full record, key for key; after 递补 it is stored in full', async () => {
    const raw = c.conn.raw;
    const drawId = await c.revealed('记录表核对');
    const revealedText = drawResultText(raw, drawId)!;
    await c.services.draws.seal({ drawId });
    const draw = loadDrawRow(raw, drawId);
    const stored = (version: number) =>
      JSON.parse(
        raw
          .prepare('SELECT record FROM draw_proofs WHERE draw_id = ? AND version = ?')
          .pluck()
          .get(drawId, version) as string,
      );

    // What the record was before it was stored compact: built in full from the sealed body and the roster now.
    const body = latestProof(raw, drawId)!.body;
    const full = recordResult(raw, draw, body, [], draw.sealed_at!);
    expect(JSON.stringify(c.services.draws.resultRecord(drawId))).toBe(JSON.stringify(full));
    expect(Array.isArray(stored(1).packages)).toBe(false);
    expect(stored(1).packages.entities).toHaveLength(body.result.selected.length);
    // The sealed body is the revealed one with 封存's info: the same text as serialising it again. Its log head is
    // the link the 封存 row itself carries.
    const head = raw
      .prepare('SELECT audit_head FROM draw_proofs WHERE draw_id = ? AND version = 1')
      .pluck()
      .get(drawId);
    const sealRow = "SELECT prev_hash FROM audit_log WHERE action = 'draws:seal' AND target = ?";
    expect(head).toBe(raw.prepare(sealRow).pluck().get(`draws:${drawId}`));
    expect(full.auditHead).toBe(head);
    const expectedBody = JSON.parse(revealedText) as ProofBody;
    expectedBody.info = {
      ...expectedBody.info,
      sealedAt: draw.sealed_at!,
      sealedBy: '测试操作员',
      auditHead: String(head),
    };
    expect(raw.prepare('SELECT body FROM draw_proofs WHERE draw_id = ? AND version = 1').pluck().get(drawId)).toBe(
      JSON.stringify(expectedBody),
    );

    const out = body.result.packages[0].team[0];
    await c.services.draws.amend({ drawId, packageNo: 1, out, reason: '因病请假' });
    const record = c.services.draws.resultRecord(drawId);
    const amended = latestProof(raw, drawId)!;
    expect(amended.version).toBe(2);
    expect(Array.isArray(stored(2).packages)).toBe(true);
    expect(JSON.stringify(record)).toBe(
      JSON.stringify(recordResult(raw, draw, amended.body, amendmentRows(raw, drawId), draw.sealed_at!)),
    );
    expect(record.packages[0].team.map((m) => m.certNo)).not.toContain(out);
    await c.services.draws.settle();
  });
});

describe('封存 after a restart', () => {
  it('after a restart (no roster ids kept): the codes are looked up in the roster, the same rows', async () => {
    const drawId = await c.revealed('名单核对二');
    const expected = expectedSelected(drawId);
    sealStep(c.conn.raw, drawId, step());
    expect(selectedRows(drawId)).toEqual(expected);
    expect(
      c.conn.raw
        .prepare("SELECT detail FROM audit_log WHERE action = 'draws:seal' AND target = ?")
        .pluck()
        .get(`draws:${drawId}`),
    ).toBe(JSON.stringify({ selected: expected.length, missingEntities: 0, proofVersion: 1 }));
  });
});

describe('封存 and the roster dates leave the connection as it was', () => {
  it('puts the connection settings back: 封存 and the roster dates turn the automatic checkpoint off only for themselves', async () => {
    const raw = c.conn.raw;
    raw.pragma('wal_autocheckpoint = 777');
    raw.pragma('cache_size = -3000');
    try {
      const drawId = await c.revealed('设置复原');
      sealStep(raw, drawId, step());
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      rosterDatesStep(raw, drawId, step());
      expect(raw.prepare('SELECT count(*) FROM draw_roster_dates WHERE draw_id = ?').pluck().get(drawId)).toBe(1);
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      expect(raw.pragma('cache_size', { simple: true })).toBe(-3000);
      // A refused 封存 (already sealed) changes nothing either.
      expect(() => sealStep(raw, drawId, step())).toThrow(/已封存/);
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      // Nor does one that fails inside its transaction (here the proof's insert is refused): the draw stays revealed,
      // nothing of it is written, and the checkpoint setting is back.
      const failing = await c.revealed('设置复原二');
      raw.exec(
        "CREATE TEMP TRIGGER refuse_proof BEFORE INSERT ON main.draw_proofs BEGIN SELECT RAISE(ABORT, '测试:拒绝写入'); END",
      );
      try {
        expect(() => sealStep(raw, failing, step())).toThrow(/测试:拒绝写入/);
      } finally {
        raw.exec('DROP TRIGGER temp.refuse_proof');
      }
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(777);
      expect(raw.prepare('SELECT state FROM draws WHERE id = ?').pluck().get(failing)).toBe('revealed');
      expect(raw.prepare('SELECT count(*) FROM draw_selected WHERE draw_id = ?').pluck().get(failing)).toBe(0);
      expect(raw.prepare('SELECT count(*) FROM draw_proofs WHERE draw_id = ?').pluck().get(failing)).toBe(0);
    } finally {
      raw.pragma('wal_autocheckpoint = 1000');
      raw.pragma('cache_size = -16000');
    }
  });
});

describe('the roster dates step', () => {
  it('dates more drawn entities than one slice holds: every one, logged in entity order with its previous date', async () => {
    const raw = c.conn.raw;
    const everything = { entityTypes: [], industries: [], areas: [], offices: [], tags: [], grades: [] };
    const taskId = c.publishedTask({
      name: '全部抽取',
      scope: everything,
      excludeRecentYears: 0,
      ratio: { mode: 'uniform', bp: 10000 },
      requiredTags: [],
      maxPackagesPerInspector: 500,
    });
    const { id: drawId } = await c.services.draws.prepare({ taskId });
    c.services.draws.commit({ drawId, ...CEREMONY });
    c.services.draws.witness({ drawId, name: '李明', value: '全部' });
    await c.services.draws.reveal({ drawId });
    sealStep(raw, drawId, step());
    const ids = raw
      .prepare('SELECT entity_id FROM draw_selected WHERE draw_id = ? ORDER BY entity_id')
      .pluck()
      .all(drawId) as number[];
    expect(ids.length).toBeGreaterThan(2000); // more than one slice of rosterDatesStep
    const before = new Map(
      raw
        .prepare(`SELECT id, last_inspected_on FROM entities WHERE id IN (${ids.join(',')})`)
        .raw(true)
        .all() as [number, string | null][],
    );
    const sealDate = chinaDate(c.ctx.now());
    const moving = ids.filter((id) => before.get(id) === null || before.get(id)! < sealDate);
    expect(moving.length).toBeLessThan(ids.length); // some were inspected on the seal date already (earlier tests)

    expect(rosterDatesStep(raw, drawId, step()).timings).toHaveProperty('checkpoint');
    const log = raw
      .prepare('SELECT id, record_id, record_key, before, after FROM roster_changes WHERE batch = ? ORDER BY id')
      .all(`draw:${drawId}`) as {
      id: number;
      record_id: number;
      record_key: string;
      before: string;
      after: string;
    }[];
    expect(log.map((r) => r.record_id)).toEqual(moving);
    expect(log.map((r) => JSON.parse(r.before).last_inspected_on)).toEqual(moving.map((id) => before.get(id)));
    expect(new Set(log.map((r) => r.after))).toEqual(new Set([JSON.stringify({ last_inspected_on: sealDate })]));
    expect(
      raw
        .prepare(`SELECT count(*) FROM entities WHERE id IN (${ids.join(',')}) AND last_inspected_on = ?`)
        .pluck()
        .get(sealDate),
    ).toBe(ids.length);
    expect(raw.prepare('SELECT updated FROM draw_roster_dates WHERE draw_id = ?').pluck().get(drawId)).toBe(
      moving.length,
    );
    // Idempotent: a second run finds the marker and writes nothing.
    rosterDatesStep(raw, drawId, step());
    expect(raw.prepare('SELECT count(*) FROM roster_changes WHERE batch = ?').pluck().get(`draw:${drawId}`)).toBe(
      moving.length,
    );
  });
});
