import { Alert, Select, Space, Typography } from 'antd';
import type { RosterKind } from '@shared/domain/rosters';
import { GUESSED_FIELDS, type ValueChoice, type ValueMapping } from '@shared/import/value-guesses';
import { ListTable } from '../../../components/ListTable';
import { formatCount } from '@shared/domain/counts';

/** The clerk's answers by field and source value: a value, or null for 不导入这些行. */
export type ValueChoices = Record<string, string | null>;

const REJECT = '\u0000reject';
const REJECT_LABEL = '不导入这些行';

export const choiceKey = (m: Pick<ValueMapping, 'field' | 'source'>) => `${m.field}\u0001${m.source}`;

/** The answers that differ from what the import guessed: what the confirm sends. */
export function changedChoices(mappings: readonly ValueMapping[], choices: ValueChoices): ValueChoice[] {
  return mappings
    .filter((m) => choiceKey(m) in choices && choices[choiceKey(m)] !== m.guess)
    .map((m) => ({ field: m.field, source: m.source, target: choices[choiceKey(m)] }));
}

/** Rows the clerk's answers leave out of the import. */
export function rowsLeftOut(mappings: readonly ValueMapping[], choices: ValueChoices): number {
  return mappings.filter((m) => choices[choiceKey(m)] === null).reduce((n, m) => n + m.rows, 0);
}

/**
 * Status and grade values that are not standard values, read by synonym: in the preview each is a choice the clerk
 * may change (another value, or not importing those rows); after the import, what was applied and to how many rows.
 */
export function ValueMappings({
  kind,
  mappings,
  choices,
  onChange,
}: {
  kind: RosterKind;
  mappings: readonly ValueMapping[];
  choices?: ValueChoices;
  onChange?: (choices: ValueChoices) => void;
}) {
  if (mappings.length === 0) return null;
  const editable = choices !== undefined && onChange !== undefined;
  const rows = mappings.map((m) => ({ ...m, key: choiceKey(m) }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="value-mappings">
      <Alert
        type="warning"
        showIcon
        title={
          editable
            ? `${mappings.length} 个取值不是标准写法，已按近义词对应，请核对`
            : `${mappings.length} 个取值按近义词对应后导入`
        }
        description={
          editable
            ? `如对应不对，请在“导入为”中改选；选“${REJECT_LABEL}”则含该取值的行不导入，并列入问题清单。`
            : undefined
        }
      />
      <ListTable
        dataSource={rows}
        columns={[
          { title: '列', dataIndex: 'column', width: 180 },
          { title: '行数', dataIndex: 'rows', width: 80, render: (n: number) => formatCount(n) },
          { title: '文件中的取值', dataIndex: 'source', width: 240, render: (s: string) => `「${s}」 →` },
          {
            title: '导入为',
            key: 'target',
            render: (_: unknown, m: ValueMapping) =>
              editable ? (
                <TargetSelect kind={kind} mapping={m} choices={choices} onChange={onChange} />
              ) : (
                <AppliedText mapping={m} />
              ),
          },
        ]}
      />
    </Space>
  );
}

function TargetSelect({
  kind,
  mapping,
  choices,
  onChange,
}: {
  kind: RosterKind;
  mapping: ValueMapping;
  choices: ValueChoices;
  onChange: (choices: ValueChoices) => void;
}) {
  const key = choiceKey(mapping);
  const current = key in choices ? choices[key] : mapping.guess;
  const values = GUESSED_FIELDS[kind][mapping.field] ?? [];
  const options = [
    ...values.map((v) => {
      const label = v === mapping.guess ? `「${v}」（自动识别）` : `「${v}」`;
      return { value: v, label, title: label };
    }),
    { value: REJECT, label: REJECT_LABEL, title: REJECT_LABEL },
  ];
  return (
    <Select
      style={{ width: 230 }}
      value={current ?? REJECT}
      options={options}
      onChange={(v: string) => onChange({ ...choices, [key]: v === REJECT ? null : v })}
      data-testid={`value-choice-${mapping.field}-${mapping.source}`}
    />
  );
}

function AppliedText({ mapping }: { mapping: ValueMapping }) {
  if (mapping.applied === null) return <Typography.Text type="danger">{REJECT_LABEL}</Typography.Text>;
  return (
    <span>
      「{mapping.applied}」
      {mapping.applied !== mapping.guess && (
        <Typography.Text type="secondary">（自动识别为「{mapping.guess}」，已按您的选择改）</Typography.Text>
      )}
    </span>
  );
}
