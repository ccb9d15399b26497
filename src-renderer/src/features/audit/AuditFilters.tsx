import { Button, DatePicker, Input, Select, Space, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { Req } from '@shared/ipc/contract';
import { AUDIT_ACTION_NAMES, AUDIT_TARGET_KINDS } from '@shared/domain/audit-labels';
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
  exporting: boolean;
  onExport: () => void;
}

/** The 操作日志 filters in one wrapping row: person, dates, action (by its Chinese name), object; the total; export. */
export function AuditFilters({ filter, set, actors, total, exporting, onExport }: Props) {
  const range: [Dayjs, Dayjs] | null = filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
      <Select
        allowClear
        showSearch
        placeholder="全部操作人"
        style={{ width: 120 }}
        value={filter.actor}
        onChange={(actor?: string) => set({ ...filter, actor })}
        options={actors.map((a) => ({ value: a, label: a }))}
        data-testid="audit-actor"
      />
      <DatePicker.RangePicker
        style={{ width: 230 }}
        placeholder={['起始日期', '截止日期']}
        value={range}
        onChange={(v) => set({ ...filter, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        className="audit-dates"
      />
      <Select
        allowClear
        showSearch
        placeholder="全部操作"
        style={{ width: 170 }}
        value={filter.action}
        onChange={(action?: string) => set({ ...filter, action })}
        options={ACTION_OPTIONS}
        filterOption={byLabel}
        data-testid="audit-action"
      />
      <Select
        allowClear
        placeholder="全部对象"
        style={{ width: 130 }}
        value={filter.targetKind}
        onChange={(targetKind?: string) => set({ ...filter, targetKind, targetId: undefined })}
        options={KIND_OPTIONS}
        data-testid="audit-target-kind"
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
      <Button icon={<FileExcelOutlined />} loading={exporting} disabled={!total} onClick={onExport}>
        导出（Excel）
      </Button>
    </Space>
  );
}
