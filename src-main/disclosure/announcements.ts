/**
 * The two announcements as they would be published today: read-only, every field under the bureau's rules. The
 * 公示 service writes what these return; the 公示包 builds its pages from them too.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type {
  Announcement,
  PublicationStamp,
  ResultAnnouncement,
  ResultScope,
  TaskAnnouncement,
} from '@shared/domain/disclosure';
import { chinaDate } from '@shared/domain/china-time';
import { canonicalJsonText } from '@shared/draw/canonical-json';
import { AppError } from '@shared/errors';
import { all, first, qb, value } from '../db/sql';
import { publishedName, readDisclosureSettings } from './rules';
import { announcementTask } from './task-block';
import { resultRows, scopeTitle, checkedScope } from './result-rows';
import { formatCount } from '@shared/domain/counts';

type Raw = BetterSqlite3.Database;

export const HOW_TO_VERIFY =
  '任何人可用本局公布的离线验证页打开本次抽取的证明文件（proof.json），核对其输入摘要和种子与本公告一致，' +
  '验证页按公开的抽取规则重新计算，得到与本公告相同的名单即为“验证通过”。';

/** SHA-256 of the announcement's canonical JSON, its publication stamp left out. */
export function announcementDigest(a: Announcement): string {
  return createHash('sha256')
    .update(canonicalJsonText({ ...a, published: null }))
    .digest('hex');
}

function sealedDraw(raw: Raw, taskId: number) {
  const task = first(raw, qb.selectFrom('tasks').select(['id', 'number']).where('id', '=', taskId));
  if (!task) throw new AppError('disclosure.taskNotFound', `没有找到抽查任务（编号 ${taskId}）。`);
  const draw = first(
    raw,
    qb
      .selectFrom('draws')
      .select(['id', 'input_digest', 'seed', 'sealed_at'])
      .where('task_id', '=', taskId)
      .where('state', '=', 'sealed')
      .orderBy('id', 'desc'),
  );
  if (!draw?.seed) {
    throw new AppError(
      'disclosure.notSealed',
      `抽查任务${task.number}的抽取尚未封存，不能公示抽查任务公告；请先完成抽取并封存。`,
    );
  }
  return { ...draw, seed: draw.seed, sealedAt: draw.sealed_at ?? '' };
}

function stampOf(raw: Raw, id: number | undefined): PublicationStamp | null {
  if (id === undefined) return null;
  const p = first(
    raw,
    qb.selectFrom('publications').select(['id', 'published_at', 'published_by', 'digest']).where('id', '=', id),
  );
  return p ? { id: p.id, publishedAt: p.published_at, publishedBy: p.published_by, digest: p.digest } : null;
}

/** The 抽查任务公告 of a task's sealed draw: the published one, or a preview with the next free 第{n}号. */
export function taskAnnouncement(raw: Raw, taskId: number): TaskAnnouncement {
  const draw = sealedDraw(raw, taskId);
  const { rules } = readDisclosureSettings(raw);
  const drawn = all(
    raw,
    qb
      .selectFrom('draw_selected as s')
      .innerJoin('entities as e', 'e.id', 's.entity_id')
      .select(['s.code', 'e.name', 'e.legal_rep', 'e.name_from_operator', 'e.office'])
      .where('s.draw_id', '=', draw.id)
      .orderBy('s.package_no')
      .orderBy('s.rank'),
  );
  const task = announcementTask(raw, taskId, drawn.length);
  const year = Number(task.startDate.slice(0, 4));
  const published = first(
    raw,
    qb
      .selectFrom('publications')
      .select(['id', 'serial'])
      .where('draw_id', '=', draw.id)
      .where('kind', '=', '抽查任务公告'),
  );
  const serial = published?.serial ?? nextSerial(raw, task.bureauName, year);
  return {
    kind: '抽查任务公告',
    title: `${task.bureauName}${year}年度第${serial}号抽查任务公告`,
    year,
    serial,
    task,
    rows: drawn.map((e, i) => ({
      seq: i + 1,
      name: publishedName(e),
      code: e.code,
      office: rules.office === '公示' ? e.office : '',
    })),
    draw: {
      drawId: draw.id,
      inputDigest: draw.input_digest,
      seed: draw.seed,
      sealedAt: draw.sealedAt,
      howToVerify: HOW_TO_VERIFY,
    },
    published: stampOf(raw, published?.id),
  };
}

export function nextSerial(raw: Raw, bureauName: string, year: number): number {
  const max = value(
    raw,
    qb
      .selectFrom('publications')
      .select((eb) => eb.fn.max('serial').as('n'))
      .where('bureau_name', '=', bureauName)
      .where('year', '=', year),
  );
  return (max ?? 0) + 1;
}

/**
 * The 抽查结果公告 of a task or of a range of 检查完成日期: the current 已审核 results, less those whose 公示期 ended
 * before `today` (China's date). Refused when nothing is left to publish.
 */
export function resultAnnouncement(raw: Raw, scope: ResultScope, today = chinaDate(new Date())): ResultAnnouncement {
  const checked = checkedScope(raw, scope);
  const settings = readDisclosureSettings(raw);
  const { rows, expired } = resultRows(raw, checked, settings, today);
  const head = scopeTitle(raw, checked);
  if (rows.length === 0) {
    const left = expired > 0 ? `（另有 ${formatCount(expired)} 条已过公示期）` : '';
    throw new AppError('disclosure.noResults', `${head.what}没有可以公示的已审核检查结果${left}，不能公示。`);
  }
  const extraFields = (['address', 'legalRep', 'inspectors'] as const).filter((f) => settings.rules[f] !== '不公示');
  const a: ResultAnnouncement = {
    kind: '抽查结果公告',
    title: head.title,
    bureauName: head.bureauName,
    year: head.year,
    scope: checked,
    extraFields: [...extraFields],
    rows,
    expired,
    published: null,
  };
  return { ...a, published: samePublished(raw, a) };
}

/** The latest publication of this scope, when it published exactly this content. */
function samePublished(raw: Raw, a: ResultAnnouncement): PublicationStamp | null {
  let q = qb
    .selectFrom('publications')
    .select(['id', 'digest'])
    .where('kind', '=', '抽查结果公告')
    .orderBy('id', 'desc');
  q =
    'taskId' in a.scope
      ? q.where('task_id', '=', a.scope.taskId)
      : q.where('range_from', '=', a.scope.from).where('range_to', '=', a.scope.to);
  const last = first(raw, q);
  return last && last.digest === announcementDigest(a) ? stampOf(raw, last.id) : null;
}
