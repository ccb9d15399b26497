import type { ReactNode } from 'react';
import { Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import {
  CHECK_METHODS,
  END_STATES,
  FOLLOW_UPS,
  RESULT_CATEGORIES,
  vocabularyText,
  type ResultEntry,
} from '@shared/domain/results';
import type { ResultSheetView } from '@shared/domain/result-views';
import type { FieldProblems } from './entryModel';

interface Props {
  view: ResultSheetView;
  entry: ResultEntry;
  problems: FieldProblems;
  disabled: boolean;
  change(patch: Partial<ResultEntry>): void;
}

/** A labelled field with its problem (in Chinese, at the field); `data-field` makes it a stop for Enter. */
export function Field(props: { label: ReactNode; problem?: string; name: string; children: ReactNode }) {
  return (
    <Form.Item
      label={props.label}
      validateStatus={props.problem ? 'error' : undefined}
      help={props.problem ? <span data-testid={`problem-${props.name}`}>{props.problem}</span> : undefined}
      style={{ marginBottom: 12 }}
    >
      <div data-field={props.name}>{props.children}</div>
    </Form.Item>
  );
}

type ChoiceName = 'inspectorIds' | 'methods' | 'categories' | 'followUps';

/** One of the entry's multi-select lists as a checkbox group, with its problem at the field. */
function ChoicesField<N extends ChoiceName>(
  props: Omit<Props, 'view'> & { label: string; name: N; options: { value: string; label: string }[] | string[] },
) {
  const { entry, problems, disabled, change, name } = props;
  return (
    <Field label={props.label} name={name} problem={problems[name]}>
      <Checkbox.Group
        value={entry[name] as string[]}
        disabled={disabled}
        options={props.options}
        onChange={(v) => change({ [name]: v } as Partial<ResultEntry>)}
      />
    </Field>
  );
}

const shown = (values: readonly string[]) => values.map((value) => ({ value, label: vocabularyText(value) }));

/** 检查日期, 到场检查人员, 核查方式, and an end state found at the door. */
export function VisitFields({ view, entry, problems, disabled, change }: Props) {
  const fields = { entry, problems, disabled, change };
  return (
    <Row gutter={16}>
      <Col span={7}>
        <Field
          label={`检查日期（${view.startDate} 至 ${view.endDate}）`}
          name="inspectedOn"
          problem={problems.inspectedOn}
        >
          <Input
            aria-label="检查日期"
            placeholder="如 2026-11-24"
            value={entry.inspectedOn}
            disabled={disabled}
            autoFocus
            onChange={(e) => change({ inspectedOn: e.target.value })}
          />
        </Field>
      </Col>
      <Col span={17}>
        <ChoicesField
          {...fields}
          label="到场检查人员"
          name="inspectorIds"
          options={view.team.map((m) => ({ value: m.id, label: `${m.name}（${m.badgeNo || '专家'}）` }))}
        />
      </Col>
      <Col span={24}>
        <ChoicesField {...fields} label="核查方式（可多选）" name="methods" options={[...CHECK_METHODS]} />
      </Col>
      <Col span={24}>
        <Field
          label="登记状态（到场发现已注销、吊销、迁出或关闭停业时选择，无须填写检查内容）"
          name="endState"
          problem={problems.endState}
        >
          <Radio.Group
            value={entry.endState ?? ''}
            disabled={disabled}
            options={[{ value: '', label: '正常经营' }, ...END_STATES.map((s) => ({ value: s, label: s }))]}
            onChange={(e) => change({ endState: (e.target.value || null) as ResultEntry['endState'] })}
          />
        </Field>
      </Col>
    </Row>
  );
}

/** 检查结果, 后续处置措施 (其他, 整改期限) and 备注. */
export function OutcomeFields({ entry, problems, disabled, change }: Props) {
  const fields = { entry, problems, disabled, change };
  return (
    <Row gutter={16}>
      <Col span={24}>
        <ChoicesField {...fields} label="检查结果（可多选）" name="categories" options={shown(RESULT_CATEGORIES)} />
      </Col>
      <Col span={24}>
        <ChoicesField {...fields} label="后续处置措施（可多选）" name="followUps" options={shown(FOLLOW_UPS)} />
      </Col>
      <Col span={8}>
        <Field label="整改期限（责令改正时必填）" name="correctionDeadline" problem={problems.correctionDeadline}>
          <Input
            aria-label="整改期限"
            placeholder="如 2026-12-31"
            value={entry.correctionDeadline ?? ''}
            disabled={disabled}
            onChange={(e) => change({ correctionDeadline: e.target.value || null })}
          />
        </Field>
      </Col>
      <Col span={16}>
        <Field label="其他后续处置（选择「其他」时填写）" name="followUpOther" problem={problems.followUpOther}>
          <Input
            aria-label="其他后续处置"
            value={entry.followUpOther}
            disabled={disabled}
            onChange={(e) => change({ followUpOther: e.target.value })}
          />
        </Field>
      </Col>
      <Col span={24}>
        <Field label="备注" name="note" problem={problems.note}>
          <Input.TextArea
            aria-label="备注"
            rows={2}
            value={entry.note}
            disabled={disabled}
            onChange={(e) => change({ note: e.target.value })}
          />
        </Field>
      </Col>
    </Row>
  );
}
