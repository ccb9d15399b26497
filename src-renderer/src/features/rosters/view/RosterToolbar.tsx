import type { ReactNode } from 'react';
import { Alert, Button, Input, Select, Space } from 'antd';
import { ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import type { BulkAction } from './BulkActionModal';
import type { RosterConfig, RosterFilters, RosterRow } from './types';
import type { RosterQueryState } from './useRosterQuery';

/** Search, 清除条件, the page's import buttons and export. */
export function RosterToolbar<R extends RosterRow>({
  config,
  query,
  actions,
  exporting,
  onExport,
}: {
  config: RosterConfig<R>;
  query: RosterQueryState;
  actions?: ReactNode;
  exporting: boolean;
  onExport: () => void;
}) {
  return (
    <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={config.searchPlaceholder}
          value={query.searchText}
          onChange={(e) => query.typeSearch(e.target.value)}
          style={{ width: 340 }}
          data-testid="roster-search"
        />
        {query.activeFilters && (
          <Button icon={<ReloadOutlined />} onClick={query.clear}>
            清除条件
          </Button>
        )}
      </Space>
      <Space wrap>
        {actions}
        <Button icon={<ExportOutlined />} onClick={onExport} loading={exporting} data-testid="roster-export">
          导出当前筛选结果
        </Button>
      </Space>
    </Space>
  );
}

/** One select per filter of the roster. */
export function RosterFilterBar<R extends RosterRow>({
  config,
  query,
}: {
  config: RosterConfig<R>;
  query: RosterQueryState;
}) {
  const { filters, options } = query;
  return (
    <Space wrap data-testid="roster-filters">
      {config.filters.map((f) => (
        <Select
          key={f.key}
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={f.label}
          value={(filters[f.key as keyof RosterFilters] as string[] | undefined) ?? []}
          onChange={(v: string[]) => query.setFilter(f.key, v)}
          options={(options ? f.options(options) : []).map((o) => ({ value: o, label: o }))}
          style={{ minWidth: f.width ?? 150 }}
          data-testid={`filter-${f.key}`}
        />
      ))}
    </Space>
  );
}

/** 已选 N 条 with the bulk actions this roster offers. */
export function SelectionBar<R extends RosterRow>({
  config,
  count,
  onBulk,
  onClear,
}: {
  config: RosterConfig<R>;
  count: number;
  onBulk: (action: BulkAction) => void;
  onClear: () => void;
}) {
  return (
    <Alert
      type="info"
      data-testid="selection-bar"
      title={
        <Space wrap>
          <span>
            已选 <b>{count}</b> 条
          </span>
          {config.hasGrade && (
            <Button size="small" onClick={() => onBulk('grade')}>
              设置信用等级
            </Button>
          )}
          <Button size="small" onClick={() => onBulk('tags')}>
            添加标签
          </Button>
          <Button size="small" onClick={() => onBulk('status')}>
            设置{config.statusLabel}
          </Button>
          <Button size="small" type="link" onClick={onClear}>
            取消选择
          </Button>
        </Space>
      }
    />
  );
}
