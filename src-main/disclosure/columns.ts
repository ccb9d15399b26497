/** What both files of an announcement print, in order: the task block's pairs and the lists' columns. */
import type {
  Announcement,
  AnnouncementTask,
  ResultAnnouncement,
  ResultAnnouncementRow,
  ResultDetailRow,
  TaskAnnouncementRow,
} from '@shared/domain/disclosure';
import { chineseDay } from '@shared/domain/china-time';
import { formatDateTime } from '../documents/format';
import { formatCount } from '@shared/domain/counts';

export interface Column<R> {
  header: string;
  /** Relative width (the PDF's points on landscape A4 are derived from it; xlsx uses it as characters). */
  width: number;
  value: (r: R) => string | number;
}

export function taskBlock(t: AnnouncementTask): [string, string][] {
  return [
    ['抽查计划编号', t.planNumber],
    ['抽查计划名称', t.planName],
    ['抽查任务编号', t.taskNumber],
    ['抽查任务名称', t.taskName],
    ['抽查类型', t.drawKind],
    ['抽查事项', t.items.map((it, i) => (t.items.length > 1 ? `${i + 1}. ${it}` : it)).join('\n')],
    ['抽查对象范围', t.scope],
    ['检查日期自', chineseDay(t.startDate)],
    ['检查日期至', chineseDay(t.endDate)],
    ['检查机关', t.bureauName],
    ...(t.joiningDepartments.length > 0 ? [['联合部门', t.joiningDepartments.join('、')] as [string, string]] : []),
    ['抽查市场主体数量', `${formatCount(t.entityCount)}户`],
  ];
}

export const TASK_LIST: Column<TaskAnnouncementRow>[] = [
  { header: '序号', width: 6, value: (r) => r.seq },
  { header: '市场主体名称', width: 40, value: (r) => r.name },
  { header: '统一社会信用代码/注册号', width: 24, value: (r) => r.code },
  { header: '管辖单位', width: 20, value: (r) => r.office },
];

const EXTRA: Record<ResultAnnouncement['extraFields'][number], Column<ResultAnnouncementRow>> = {
  address: { header: '住所（经营场所）', width: 22, value: (r) => r.address ?? '' },
  legalRep: { header: '法定代表人（负责人）', width: 10, value: (r) => r.legalRep ?? '' },
  inspectors: { header: '检查人员', width: 12, value: (r) => r.inspectors ?? '' },
};

export function resultColumns(a: ResultAnnouncement): Column<ResultAnnouncementRow>[] {
  return [
    { header: '序号', width: 5, value: (r) => r.seq },
    { header: '抽查计划编号', width: 10, value: (r) => r.planNumber },
    { header: '抽查计划名称', width: 14, value: (r) => r.planName },
    { header: '抽查任务编号', width: 14, value: (r) => r.taskNumber },
    { header: '抽查任务名称', width: 14, value: (r) => r.taskName },
    { header: '抽查类型', width: 6, value: (r) => r.drawKind },
    { header: '检查机关', width: 14, value: (r) => r.inspectingBody },
    { header: '抽查市场主体名称', width: 18, value: (r) => r.name },
    { header: '统一社会信用代码/注册号', width: 16, value: (r) => r.code },
    { header: '检查完成日期', width: 10, value: (r) => r.inspectedOn },
    { header: '检查结果', width: 18, value: (r) => r.result },
    ...a.extraFields.map((f) => EXTRA[f]),
    { header: '备注', width: 10, value: (r) => r.note },
  ];
}

export function detailColumns(a: ResultAnnouncement): Column<ResultDetailRow>[] {
  const finding = a.rows.some((r) => r.details.some((d) => d.finding !== ''));
  return [
    { header: '序号', width: 6, value: (d) => d.seq },
    { header: '检查事项', width: 40, value: (d) => d.item },
    { header: '检查结果', width: 14, value: (d) => d.result },
    ...(finding ? [{ header: '发现问题情况', width: 30, value: (d: ResultDetailRow) => d.finding }] : []),
  ];
}

/** "公示单位：… 公示时间：…" once published; "（预览，尚未公示）" before. */
export function publishedLine(a: Announcement): string {
  const bureau = a.kind === '抽查任务公告' ? a.task.bureauName : a.bureauName;
  if (!a.published) return `公示单位：${bureau}    （预览，尚未公示）`;
  return `公示单位：${bureau}    公示时间：${formatDateTime(a.published.publishedAt)}`;
}

/** A file name for the announcement, without the extension. */
export function announcementFileName(a: Announcement): string {
  return a.title.replace(/[\\/:*?"<>|]/g, '_');
}
