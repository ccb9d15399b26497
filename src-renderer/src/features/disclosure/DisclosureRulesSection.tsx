import { useEffect, useState } from 'react';
import { Alert, App, Button, Divider, InputNumber, Select, Space, Table, Typography } from 'antd';
import {
  DISCLOSURE_FIELD_INFO,
  DISCLOSURE_FIELDS,
  FIELD_RULES,
  ruleProblem,
  type DisclosureField,
  type DisclosureSettings,
} from '@shared/domain/disclosure';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import { useApiCall } from '../../components/useApiCall';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 公示规则: one rule per field (never a pattern over the text), and the 公示期 months. A rule that would publish a
 * phone, an ID number or a 执法证号 is marked at its field and refused on saving.
 */
export function DisclosureRulesSection() {
  const { message } = App.useApp();
  const { data, error } = useApiCall(() => api()['disclosure:settings']({}));
  const [draft, setDraft] = useState<DisclosureSettings>();
  const { run, busy, error: saveError } = useAction();
  useEffect(() => setDraft(data), [data]);
  if (error) return <ErrorAlert title="无法读取公示规则" error={error} />;
  if (!draft) return null;
  const setRule = (field: DisclosureField, rule: DisclosureSettings['rules'][DisclosureField]) =>
    setDraft({ ...draft, rules: { ...draft.rules, [field]: rule } });
  const save = async () => {
    const saved = await run(() => api()['disclosure:save-settings'](draft));
    if (saved) {
      setDraft(saved);
      void message.success('公示规则已保存。');
    }
  };
  return (
    <div data-testid="disclosure-rules" style={{ maxWidth: 860 }}>
      <Divider titlePlacement="start">信息公示规则</Divider>
      <Typography.Paragraph type="secondary">
        按字段决定公示时如何处理：公示、遮蔽（姓名只留姓氏，地址只留前几个字）或不公示。联系电话、身份证件号码、执法证号一律不公示；15位注册号是公开的登记号，照常公示。
      </Typography.Paragraph>
      <Table
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={DISCLOSURE_FIELDS.map((field) => ({ field }))}
        columns={[
          { title: '字段', width: 190, render: (_, r) => DISCLOSURE_FIELD_INFO[r.field].label },
          {
            title: '公示规则',
            width: 250,
            render: (_, r) => <RuleCell field={r.field} rule={draft.rules[r.field]} onChange={setRule} />,
          },
          { title: '说明', render: (_, r) => DISCLOSURE_FIELD_INFO[r.field].why },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <span>责令改正的检查结果，整改完成后公示</span>
        <MonthsInput
          value={draft.correctionMonths}
          onChange={(correctionMonths) => setDraft({ ...draft, correctionMonths })}
          label="责令改正结果的公示期"
        />
        <span>个月；其他检查结果自首次公示起公示</span>
        <MonthsInput
          value={draft.periodMonths}
          onChange={(periodMonths) => setDraft({ ...draft, periodMonths })}
          label="一般检查结果的公示期"
        />
        <span>个月。</span>
        <Button type="primary" onClick={save} loading={busy} data-testid="disclosure-rules-save">
          保存公示规则
        </Button>
      </Space>
      {saveError && <Alert style={{ marginTop: 8 }} type="error" showIcon title={saveError} />}
    </div>
  );
}

/** A 公示期 in months, 1 to 120; a cleared box counts as 0. */
function MonthsInput(props: { value: number; onChange(months: number): void; label: string }) {
  return (
    <InputNumber
      min={1}
      max={120}
      value={props.value}
      onChange={(v) => props.onChange(v ?? 0)}
      aria-label={props.label}
    />
  );
}

function RuleCell(props: {
  field: DisclosureField;
  rule: DisclosureSettings['rules'][DisclosureField];
  onChange(field: DisclosureField, rule: DisclosureSettings['rules'][DisclosureField]): void;
}) {
  const problem = ruleProblem(props.field, props.rule);
  return (
    <Space orientation="vertical" size={2}>
      <Select
        style={{ width: 120 }}
        value={props.rule}
        status={problem ? 'error' : undefined}
        onChange={(v) => props.onChange(props.field, v)}
        options={FIELD_RULES.map((r) => ({ value: r, label: r }))}
        aria-label={`${DISCLOSURE_FIELD_INFO[props.field].label}的公示规则`}
        data-testid={`rule-${props.field}`}
      />
      {problem && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {problem}
        </Typography.Text>
      )}
    </Space>
  );
}
