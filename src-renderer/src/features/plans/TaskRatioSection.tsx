import { Divider, Form, InputNumber, Radio, Space, Typography } from 'antd';
import { FIXED_COUNT, GRADE_RATIO_BP, RATIO_BP } from '@shared/domain/number-rules';
import { ALL_GRADES_ZERO, allGradesZero, GRADE_KEYS, gradeLabel, TASK_FIELD_HELP as HELP } from '@shared/domain/tasks';
import { crossRule, numberRule, percentRule } from '../../components/numberRule';
import type { RatioMode } from './taskForm';
import { NumberField, type NumberFieldSpec } from './NumberField';

/** The single-number ratio modes: what is typed and within which bounds. */
const RATIO_FIELDS: Partial<Record<RatioMode, NumberFieldSpec>> = {
  uniform: {
    label: '抽查比例',
    name: 'uniformPct',
    extra: '范围内每户被抽中的比例；原则上不低于 5%。',
    rule: percentRule(RATIO_BP),
    suffix: '%',
    width: 140,
    testId: 'ratio-uniform',
  },
  fixed: {
    label: '固定抽取户数',
    name: 'fixedCount',
    extra: '不论范围内有多少户，都抽取这个户数（不能超过范围内户数）。',
    rule: numberRule(FIXED_COUNT),
    suffix: '户',
    width: 160,
    testId: 'ratio-fixed',
  },
};

/** 抽查比例: per grade, one ratio for all, or a fixed count. */
export function TaskRatioSection({ ratioMode }: { ratioMode: RatioMode | undefined }) {
  const single = ratioMode ? RATIO_FIELDS[ratioMode] : undefined;
  return (
    <>
      <Divider titlePlacement="start">抽查比例</Divider>
      <Form.Item
        label="抽查比例方式"
        name="ratioMode"
        extra={HELP.ratio}
        dependencies={GRADE_KEYS.map((g) => ['gradePct', g])}
        rules={[
          crossRule((mode, field) =>
            mode === 'grades' && allGradesZero((field('gradePct') ?? {}) as Record<string, number>)
              ? ALL_GRADES_ZERO
              : null,
          ),
        ]}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: 'grades', label: '按信用风险等级' },
            { value: 'uniform', label: '统一比例' },
            { value: 'fixed', label: '固定户数' },
          ]}
          data-testid="task-ratio-mode"
        />
      </Form.Item>
      {ratioMode === 'grades' && <GradeRatios />}
      {single && <NumberField spec={single} />}
    </>
  );
}

function GradeRatios() {
  return (
    <>
      <Space wrap size="middle" data-testid="task-grade-ratios">
        {GRADE_KEYS.map((g) => (
          <Form.Item
            key={g}
            label={`${gradeLabel(g)}比例`}
            name={['gradePct', g]}
            rules={[percentRule(GRADE_RATIO_BP)]}
            style={{ marginBottom: 8 }}
          >
            <InputNumber suffix="%" style={{ width: 120 }} data-testid={`ratio-${g}`} />
          </Form.Item>
        ))}
      </Space>
      <Typography.Paragraph type="secondary">
        比例填 0 表示该等级不抽取。A级最低（“无事不扰”），D级最高。
      </Typography.Paragraph>
    </>
  );
}
