import { Tag, Tooltip, Typography } from 'antd';
import { NAME_PENDING } from '@shared/domain/entity-names';
import type { EntityRow } from '@shared/domain/roster-views';
import { CREDIT_GRADES, ENTITY_FIELD_LABELS as L, ENTITY_TYPES, REG_STATUSES } from '@shared/domain/rosters';
import { checkUscc } from '@shared/domain/uscc';
import { entityPatch } from '@shared/ipc/schemas';
import { FlagsMark, GradeTag, TagList } from '../view/RosterView';
import type { RosterConfig } from '../view/types';

const s = entityPatch.shape;

/** A name built from the operator: the clerk checks it and types the real name (saving it clears the mark). */
function NamePendingTag() {
  return (
    <Tooltip title="文件中名称为空，导入时按经营者命名。公开时经营者姓名只显示姓氏（如周某某）。核实后在编辑中填写名称即可。">
      <Tag color="orange" style={{ marginLeft: 6 }} data-testid="name-pending">
        {NAME_PENDING}
      </Tag>
    </Tooltip>
  );
}

/** 检查对象名录库: columns, filters and the edit form (messages from entityPatch, the channel's schema). */
export const ENTITY_CONFIG: RosterConfig<EntityRow> = {
  roster: 'entities',
  noun: '检查对象',
  unit: '户',
  exportName: '检查对象名录',
  searchPlaceholder: '按名称、统一社会信用代码或注册号检索',
  statusLabel: '登记状态',
  statuses: REG_STATUSES,
  hasGrade: true,
  titleOf: (r) => r.name,
  columns: [
    {
      title: L.name,
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      width: 260,
      fixed: 'left',
      render: (name: string, r) => (
        <>
          {name}
          {r.nameFromOperator && <NamePendingTag />}
          <FlagsMark flags={r.nameFromOperator ? r.flags.filter((f) => f !== 'name.fromOperator') : r.flags} />
        </>
      ),
    },
    {
      title: `${L.uscc}/${L.regNo}`,
      dataIndex: 'uscc',
      key: 'uscc',
      sorter: true,
      width: 190,
      render: (uscc: string | null, r) => uscc ?? <Typography.Text type="secondary">注册号 {r.regNo}</Typography.Text>,
    },
    {
      title: '信用等级',
      dataIndex: 'creditGrade',
      key: 'creditGrade',
      sorter: true,
      width: 96,
      render: (g: string | null) => <GradeTag grade={g} />,
    },
    { title: L.entityType, dataIndex: 'entityType', key: 'entityType', sorter: true, width: 110 },
    { title: L.regStatus, dataIndex: 'regStatus', key: 'regStatus', sorter: true, width: 96 },
    { title: L.office, dataIndex: 'office', key: 'office', sorter: true, width: 140 },
    { title: L.area, dataIndex: 'area', key: 'area', sorter: true, width: 110 },
    { title: L.industry, dataIndex: 'industry', width: 110 },
    { title: L.tags, dataIndex: 'tags', width: 160, render: (tags: string[]) => <TagList tags={tags} /> },
    {
      title: '最近被抽查',
      dataIndex: 'lastInspectedOn',
      key: 'lastInspectedOn',
      sorter: true,
      width: 116,
      render: (d: string | null) => d ?? '—',
    },
  ],
  filters: [
    { key: 'entityType', label: L.entityType, options: () => [...ENTITY_TYPES] },
    { key: 'creditGrade', label: '信用等级', options: () => [...CREDIT_GRADES, '未评级'], width: 130 },
    {
      key: 'office',
      label: L.office,
      options: (o) => o.offices.filter((x) => x.kind === '市场监管所').map((x) => x.name),
      width: 170,
    },
    { key: 'area', label: L.area, options: (o) => o.areas },
    { key: 'industry', label: L.industry, options: (o) => o.industries },
    { key: 'status', label: L.regStatus, options: () => [...REG_STATUSES], width: 130 },
    { key: 'tags', label: L.tags, options: (o) => o.tags },
    { key: 'review', label: '名称核实', options: () => [NAME_PENDING], width: 130 },
  ],
  editFields: [
    { name: 'name', label: L.name, input: 'text', schema: s.name },
    {
      name: 'uscc',
      label: L.uscc,
      input: 'text',
      nullable: true,
      schema: s.uscc,
      placeholder: '18 位，老个体户没有的可留空（须有注册号）',
      rules: [
        {
          // The check the program applies on save (roster:update): same words, before the clerk presses 保存.
          validator: async (_r, v: unknown) => {
            const code = String(v ?? '')
              .trim()
              .toUpperCase();
            if (code.length !== 18) return;
            const check = checkUscc(code);
            if (!check.ok && check.problem === 'checkDigit') {
              throw new Error(`统一社会信用代码校验位不正确（第 18 位应为 ${check.expectedCheckChar}），请核对。`);
            }
          },
        },
      ],
    },
    { name: 'regNo', label: L.regNo, input: 'text', nullable: true, schema: s.regNo, placeholder: '15 位数字' },
    { name: 'entityType', label: L.entityType, input: 'select', options: ENTITY_TYPES, schema: s.entityType },
    { name: 'industry', label: L.industry, input: 'text', schema: s.industry },
    { name: 'address', label: L.address, input: 'textarea', schema: s.address },
    { name: 'area', label: L.area, input: 'text', schema: s.area },
    { name: 'office', label: L.office, input: 'office', schema: s.office, placeholder: '如：城关市场监管所' },
    { name: 'legalRep', label: L.legalRep, input: 'text', schema: s.legalRep },
    { name: 'phone', label: L.phone, input: 'text', schema: s.phone },
    {
      name: 'creditGrade',
      label: L.creditGrade,
      input: 'select',
      options: CREDIT_GRADES,
      nullable: true,
      schema: s.creditGrade,
      placeholder: '未评级',
    },
    { name: 'regStatus', label: L.regStatus, input: 'select', options: REG_STATUSES, schema: s.regStatus },
    { name: 'tags', label: L.tags, input: 'tags', schema: s.tags },
    {
      name: 'lastInspectedOn',
      label: L.lastInspectedOn,
      input: 'text',
      nullable: true,
      schema: s.lastInspectedOn,
      placeholder: 'YYYY-MM-DD，如 2025-06-30',
    },
  ],
};
