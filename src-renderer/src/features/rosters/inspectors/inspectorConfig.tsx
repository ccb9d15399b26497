import type { ExpertRow, InspectorRow } from '@shared/domain/roster-views';
import {
  EXPERT_FIELD_LABELS as X,
  EXPERT_STATUSES,
  INSPECTOR_FIELD_LABELS as I,
  INSPECTOR_STATUSES,
} from '@shared/domain/rosters';
import { expertPatch, inspectorPatch } from '@shared/ipc/schemas';
import { FlagsMark, TagList } from '../view/RosterView';
import type { RosterConfig } from '../view/types';

/** What the two rosters of people share: counted in 人, a 状态 column, no credit grade, titled by name. */
const PEOPLE = { unit: '人', statusLabel: '状态', hasGrade: false, titleOf: (r: { name: string }) => r.name } as const;

// Fixed: the name stays in view while the table scrolls sideways.
const nameColumn = { title: '姓名', dataIndex: 'name', key: 'name', sorter: true, width: 120, fixed: 'left' } as const;
const withFlags = (name: string, r: { flags: string[] }) => (
  <>
    {name}
    <FlagsMark flags={r.flags} />
  </>
);

/** 执法检查人员名录库 (messages from inspectorPatch, the channel's schema). */
export const INSPECTOR_CONFIG: RosterConfig<InspectorRow> = {
  roster: 'inspectors',
  noun: '执法检查人员',
  exportName: '执法检查人员名录',
  searchPlaceholder: '按姓名、执法证号、单位或电话检索',
  ...PEOPLE,
  statuses: INSPECTOR_STATUSES,
  columns: [
    { ...nameColumn, render: withFlags },
    { title: I.badgeNo, dataIndex: 'badgeNo', key: 'badgeNo', sorter: true, width: 150 },
    { title: I.office, dataIndex: 'office', key: 'office', sorter: true, width: 180 },
    { title: I.tags, dataIndex: 'tags', width: 260, render: (tags: string[]) => <TagList tags={tags} /> },
    { title: I.status, dataIndex: 'status', key: 'status', sorter: true, width: 80 },
    { title: I.phone, dataIndex: 'phone', width: 130 },
  ],
  filters: [
    { key: 'office', label: I.office, options: (o) => o.offices.map((x) => x.name), width: 200 },
    { key: 'status', label: I.status, options: () => [...INSPECTOR_STATUSES], width: 120 },
    { key: 'tags', label: I.tags, options: (o) => o.tags, width: 180 },
  ],
  editFields: [
    { name: 'name', label: I.name, input: 'text', schema: inspectorPatch.shape.name },
    { name: 'badgeNo', label: I.badgeNo, input: 'text', schema: inspectorPatch.shape.badgeNo },
    { name: 'office', label: I.office, input: 'office', schema: inspectorPatch.shape.office },
    {
      name: 'tags',
      label: I.tags,
      input: 'tags',
      schema: inspectorPatch.shape.tags,
      extra: '抽查任务按业务专长（资质）匹配检查人员',
    },
    {
      name: 'status',
      label: I.status,
      input: 'select',
      options: INSPECTOR_STATUSES,
      schema: inspectorPatch.shape.status,
    },
    { name: 'phone', label: I.phone, input: 'text', schema: inspectorPatch.shape.phone },
  ],
};

/** 专家库 (messages from expertPatch). The ID/certificate number is never published. */
export const EXPERT_CONFIG: RosterConfig<ExpertRow> = {
  roster: 'experts',
  noun: '专家',
  exportName: '专家名录',
  searchPlaceholder: '按姓名、证件号码或工作单位检索',
  ...PEOPLE,
  statuses: EXPERT_STATUSES,
  columns: [
    { ...nameColumn, render: withFlags },
    { title: X.idOrCertNo, dataIndex: 'idOrCertNo', width: 190 },
    { title: X.organisation, dataIndex: 'organisation', width: 220 },
    { title: X.tags, dataIndex: 'tags', width: 220, render: (tags: string[]) => <TagList tags={tags} /> },
    { title: X.status, dataIndex: 'status', key: 'status', sorter: true, width: 80 },
    { title: X.phone, dataIndex: 'phone', width: 130 },
  ],
  filters: [
    { key: 'status', label: X.status, options: () => [...EXPERT_STATUSES], width: 120 },
    { key: 'tags', label: X.tags, options: (o) => o.tags, width: 180 },
  ],
  editFields: [
    { name: 'name', label: X.name, input: 'text', schema: expertPatch.shape.name },
    { name: 'idOrCertNo', label: X.idOrCertNo, input: 'text', schema: expertPatch.shape.idOrCertNo, extra: '不公示' },
    { name: 'organisation', label: X.organisation, input: 'text', schema: expertPatch.shape.organisation },
    { name: 'tags', label: X.tags, input: 'tags', schema: expertPatch.shape.tags },
    {
      name: 'status',
      label: X.status,
      input: 'select',
      options: EXPERT_STATUSES,
      schema: expertPatch.shape.status,
      extra: '暂停：保留但不参与抽取；退出：已离开专家库',
    },
    { name: 'phone', label: X.phone, input: 'text', schema: expertPatch.shape.phone },
  ],
};
