import { Alert, Button, Select, Space, Typography } from 'antd';
import { ListTable } from '../../../components/ListTable';
import type { RosterKind } from '@shared/domain/rosters';
import { FIELDS_BY_KIND } from '@shared/import/fields';
import type { MappingProposalView } from '@shared/ipc/contract';

export type Mapping = Record<string, number>;

const NOT_IMPORTED = -1;
const FORMAT_NAMES: Record<string, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  html: '网页格式的 Excel 文件',
  csv: 'CSV 文本文件',
};

/** Required fields the mapping leaves without a column. */
export function missingRequired(kind: RosterKind, mapping: Mapping): string[] {
  return FIELDS_BY_KIND[kind].filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.label);
}

/**
 * The detected header and the column of every field, as selects the clerk can change (a column serves one field:
 * choosing it for one field takes it from another), with the first data rows to check against.
 */
export function MappingStep({
  kind,
  proposal,
  mapping,
  onChange,
}: {
  kind: RosterKind;
  proposal: MappingProposalView;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const { detection, sampleRows } = proposal;
  const used = new Set(Object.values(mapping));
  const unmapped = detection.columns.filter((c) => !used.has(c.index));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-mapping">
      {mappingAlerts({ kind, proposal, mapping, onChange })}
      <MappingTable kind={kind} proposal={proposal} mapping={mapping} onChange={onChange} />
      {unmapped.length > 0 && (
        <Typography.Text type="secondary" data-testid="mapping-unmapped">
          以下列不导入：{unmapped.map((c) => `${c.letter} 列“${c.text}”`).join('、')}
        </Typography.Text>
      )}
      <div>
        <Typography.Text strong>文件开头的数据</Typography.Text>
        <ListTable
          style={{ marginTop: 8 }}
          scroll={{ x: 'max-content' }}
          rowKey={(_, i) => String(i)}
          dataSource={sampleRows.map((cells, i) => ({ n: i + 1, cells }))}
          columns={[
            { title: '#', dataIndex: 'n', width: 48, fixed: 'left' },
            ...detection.columns.map((c) => ({
              title: `${c.letter} ${c.text}`,
              key: String(c.index),
              render: (_: unknown, r: { cells: string[] }) => (
                <span style={{ whiteSpace: 'nowrap' }}>{(r.cells[c.index] ?? '').slice(0, 40)}</span>
              ),
            })),
          ]}
        />
      </div>
    </Space>
  );
}

interface MappingProps {
  kind: RosterKind;
  proposal: MappingProposalView;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}

/**
 * Where the header was found, whether a remembered mapping was used, and which required fields lack a column.
 * A fragment (called, not rendered as a component), so the Space around it spaces each alert.
 */
function mappingAlerts({ kind, proposal, mapping, onChange }: MappingProps) {
  const { detection } = proposal;
  const missing = missingRequired(kind, mapping);
  const changed = JSON.stringify(sortKeys(mapping)) !== JSON.stringify(sortKeys(proposal.autoMapping));
  return (
    <>
      <Alert
        type="info"
        showIcon
        title={`表头在第 ${detection.headerRowNos.join('、')} 行，数据从第 ${detection.dataStartRowNo} 行开始`}
        description={`${FORMAT_NAMES[proposal.format] ?? proposal.format}${proposal.sheetName ? `，工作表“${proposal.sheetName}”` : ''}${proposal.mergeCount > 0 ? `，含 ${proposal.mergeCount} 处合并单元格` : ''}。请核对每一项对应的列，如有不对，在右侧改选。`}
      />
      {proposal.remembered && (
        <Alert
          type="success"
          showIcon
          data-testid="mapping-remembered"
          title="已按上次确认的列对应关系填写（同样表头的文件）"
          action={
            changed ? (
              <Button size="small" onClick={() => onChange(proposal.autoMapping)}>
                恢复自动识别
              </Button>
            ) : undefined
          }
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`缺少必需的列：${missing.join('、')}。请在下表中指定对应的列。`}
          data-testid="mapping-missing"
        />
      )}
    </>
  );
}

/** Each field with the column it is read from, changeable, and that column's first value. */
function MappingTable({ kind, proposal, mapping, onChange }: MappingProps) {
  const { detection, sampleRows } = proposal;
  const fields = FIELDS_BY_KIND[kind];
  const fieldOfColumn = new Map(
    Object.entries(mapping).map(([k, c]) => [c, fields.find((f) => f.key === k)?.label ?? k]),
  );
  // Each field's own options say which columns another field already takes (choosing one moves it here).
  const columnOptions = (field: string): { value: number; label: string; title: string; taken?: string }[] => [
    { value: NOT_IMPORTED, label: '（不导入）', title: '（不导入）' },
    ...detection.columns.map((c) => {
      const taken = mapping[field] !== c.index ? fieldOfColumn.get(c.index) : undefined;
      return { value: c.index, label: `${c.letter} 列：${c.text}`, title: `${c.letter} 列：${c.text}`, taken };
    }),
  ];
  const assign = (field: string, column: number) => {
    const next: Mapping = {};
    for (const [k, v] of Object.entries(mapping)) if (k !== field && v !== column) next[k] = v;
    if (column !== NOT_IMPORTED) next[field] = column;
    onChange(next);
  };
  return (
    <ListTable
      rowKey="key"
      dataSource={fields.map((f) => ({ key: f.key, label: f.label, required: f.required, hint: f.hint }))}
      columns={[
        {
          title: '导入到',
          dataIndex: 'label',
          width: 200,
          render: (label: string, f) => (
            <span title={f.hint}>
              {label}
              {f.required && <Typography.Text type="danger"> *</Typography.Text>}
            </span>
          ),
        },
        {
          title: '文件中的列',
          key: 'column',
          width: 320,
          render: (_: unknown, f) => (
            <Select
              style={{ width: 300 }}
              value={mapping[f.key] ?? NOT_IMPORTED}
              options={columnOptions(f.key)}
              optionRender={(o) => (
                <span>
                  {o.label}
                  {o.data.taken && <Typography.Text type="secondary">（现用于“{o.data.taken}”）</Typography.Text>}
                </span>
              )}
              onChange={(v: number) => assign(f.key, v)}
              data-testid={`mapping-${f.key}`}
            />
          ),
        },
        {
          title: '第一行数据',
          key: 'sample',
          render: (_: unknown, f) => (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
              {mapping[f.key] === undefined ? '' : (sampleRows[0]?.[mapping[f.key]] ?? '')}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function sortKeys(m: Mapping): [string, number][] {
  return Object.entries(m).sort(([a], [b]) => a.localeCompare(b));
}
