import type { KeyboardEvent } from 'react';
import { Alert, Input, Radio, Table, Typography } from 'antd';
import { ROW_OUTCOMES, type ResultRowEntry, type RowOutcome } from '@shared/domain/results';
import type { ResultSheetItem, ResultSheetRow } from '@shared/domain/result-views';
import { focusField, focusNextField } from './entryKeys';

interface Props {
  items: ResultSheetItem[];
  rows: ResultRowEntry[];
  /** The rows' problem, shown above them; open rows and 不符合 rows without findings are marked. */
  problem?: string;
  /** Show each item's task number (a joint visit's sheet answers several tasks). */
  joint: boolean;
  disabled: boolean;
  onChange(subItemId: number, change: Partial<ResultRowEntry>): void;
}

/** 1/2/3 choose a row's result; then the finding (不符合) or the next row's result takes the focus. */
function outcomeKeys(e: KeyboardEvent<HTMLElement>, choose: (o: RowOutcome) => void) {
  const outcome = ROW_OUTCOMES[Number(e.key) - 1];
  if (!outcome || e.altKey || e.ctrlKey) return;
  e.preventDefault();
  choose(outcome);
  const field = e.currentTarget;
  const root = field.closest<HTMLElement>('[data-entry-root]');
  // After React has rendered the choice: the finding of a 不符合 row, else the next row's result.
  setTimeout(() => {
    const finding = field.closest('tr')?.querySelector('[data-field="finding"]');
    if (outcome === '不符合') focusField(finding);
    else if (root && finding) focusNextField(root, finding);
  });
}

/** 检查内容 with 符合/不符合/不涉及 and 发现问题情况 per row, item by item. */
export function EntryRows({ items, rows, problem, joint, disabled, onChange }: Props) {
  const byId = new Map(rows.map((r) => [r.subItemId, r]));
  const columns = [
    { title: '序号', dataIndex: 'label', width: 56 },
    {
      title: '检查内容',
      dataIndex: 'content',
      render: (v: string, r: ResultSheetRow) => <span title={`检查依据：${r.basis}\n检查方法：${r.method}`}>{v}</span>,
    },
    {
      title: '检查结果（键 1、2、3）',
      width: 240,
      render: (_: unknown, r: ResultSheetRow) => {
        const row = byId.get(r.subItemId);
        const open = Boolean(problem) && !row?.outcome;
        return (
          <div data-field="outcome" onKeyDown={(e) => outcomeKeys(e, (outcome) => onChange(r.subItemId, { outcome }))}>
            <Radio.Group
              aria-label={`${r.label} 检查结果`}
              value={row?.outcome ?? null}
              disabled={disabled}
              optionType="button"
              buttonStyle="solid"
              size="small"
              options={ROW_OUTCOMES.map((o) => ({ label: o, value: o }))}
              onChange={(e) => onChange(r.subItemId, { outcome: e.target.value as RowOutcome })}
              style={open ? { outline: '1px solid #ff4d4f', borderRadius: 4 } : undefined}
            />
          </div>
        );
      },
    },
    {
      title: '发现问题情况',
      width: 300,
      render: (_: unknown, r: ResultSheetRow) => {
        const row = byId.get(r.subItemId);
        const missing = Boolean(problem) && row?.outcome === '不符合' && !row.finding.trim();
        return (
          <div data-field="finding">
            <Input
              size="small"
              aria-label={`${r.label} 发现问题情况`}
              value={row?.finding ?? ''}
              disabled={disabled}
              status={missing ? 'error' : undefined}
              placeholder={row?.outcome === '不符合' ? '请写明发现的问题' : ''}
              onChange={(e) => onChange(r.subItemId, { finding: e.target.value })}
            />
          </div>
        );
      },
    },
  ];
  return (
    <div data-testid="entry-rows">
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} data-testid="problem-rows" />
      )}
      {items.map((item, n) => (
        <div key={`${item.id}-${n}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {n + 1}. {item.name}
            {joint && `（任务 ${item.taskNumber}）`}
          </Typography.Text>
          <Table<ResultSheetRow>
            rowKey="subItemId"
            size="small"
            pagination={false}
            dataSource={item.rows}
            columns={columns}
            locale={{ emptyText: '该事项没有检查子项' }}
          />
        </div>
      ))}
    </div>
  );
}
