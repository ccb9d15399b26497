import type { ReactNode } from 'react';
import { DatePicker, Input, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Req } from '@shared/ipc/contract';
import { AUDIT_ACTION_NAMES, AUDIT_TARGET_KINDS } from '@shared/domain/audit-labels';
import { FilterSelect } from '../../components/FilterSelect';
import { formatCount } from '@shared/domain/counts';

export type AuditFilter = NonNullable<Req<'audit:count'>>;

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_NAMES).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = AUDIT_TARGET_KINDS.map(([value, label]) => ({ value, label }));
const byLabel = (input: string, option?: { label: string }) => (option?.label ?? '').includes(input.trim());

interface Props {
  filter: AuditFilter;
  set: (f: AuditFilter) => void;
  actors: string[];
  total: number | undefined;
  /** The export, last in the row. */
  children: ReactNode;
}

/** The 操作日志 filters in one wrapping row: person, dates, action (by its Chinese name), object; the total; export. */
export function AuditFilters({ filter, set, actors, total, children }: Props) {
  const range: [Dayjs, Dayjs] | null = filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null;
  /** A select over one field of the filter: its value, and the filter with it changed. */
  const field = (key: 'actor' | 'action') => ({
    value: filter[key],
    onChange: (value: string | undefined) => set({ ...filter, [key]: value }),
  });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
      <FilterSelect
        search
        all="全部操作人"
        width={120}
        {...field('actor')}
        options={actors.map((a) => ({ value: a, label: a }))}
        testId="audit-actor"
      />
      <DatePicker.RangePicker
        style={{ width: 230 }}
        placeholder={['起始日期', '截止日期']}
        value={range}
        onChange={(v) => set({ ...filter, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        className="audit-dates"
      />
      <FilterSelect
        search
        all="全部操作"
        width={170}
        {...field('action')}
        options={ACTION_OPTIONS}
        filterOption={byLabel}
        testId="audit-action"
      />
      <FilterSelect
        all="全部对象"
        width={130}
        value={filter.targetKind}
        onChange={(targetKind) => set({ ...filter, targetKind, targetId: undefined })}
        options={KIND_OPTIONS}
        testId="audit-target-kind"
      />
      <Input
        allowClear
        placeholder="对象编号"
        style={{ width: 100 }}
        disabled={!filter.targetKind}
        value={filter.targetId ?? ''}
        onChange={(e) => set({ ...filter, targetId: e.target.value.trim() || undefined })}
        data-testid="audit-target-id"
      />
      <Typography.Text data-testid="audit-total" data-count={total ?? ''}>
        {total === undefined ? '正在统计……' : `共 ${formatCount(total)} 条`}
      </Typography.Text>
      {children}
    </Space>
  );
}
