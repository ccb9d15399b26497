import { Checkbox, Col, Divider, Form, InputNumber, Row, Select, Typography } from 'antd';
import { RECENT_YEARS } from '@shared/domain/number-rules';
import { ENTITY_TYPE_CHOICES, GRADE_KEYS, gradeLabel, TASK_FIELD_HELP as HELP } from '@shared/domain/tasks';
import { numberRule } from '../../components/numberRule';
import { list, scopeLists } from './taskFieldLists';
import type { TaskOptions } from './useTaskOptions';

/** 检查对象范围: which entities the draw may pick from. */
export function TaskScopeSection({ options }: { options: TaskOptions }) {
  return (
    <>
      <Divider titlePlacement="start">检查对象范围</Divider>
      <Typography.Paragraph type="secondary">{HELP.scope}</Typography.Paragraph>
      <Form.Item
        label="主体类型"
        name={['scope', 'entityTypes']}
        extra="只抽取所选类型的市场主体；不选表示各类主体都在范围内。"
      >
        <Checkbox.Group options={list([...ENTITY_TYPE_CHOICES])} data-testid="scope-entityTypes" />
      </Form.Item>
      <Row gutter={16}>
        {scopeLists(options).map((f) => (
          <Col span={12} key={f.field}>
            <Form.Item label={f.label} name={['scope', f.field]} extra={f.extra}>
              <Select
                mode="multiple"
                allowClear
                options={list(f.values)}
                placeholder="不限"
                data-testid={`scope-${f.field}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        label="信用风险等级"
        name={['scope', 'grades']}
        extra="只抽取所选信用等级的对象；“未评级”指尚无信用等级的对象。不选表示各等级都在范围内。"
      >
        <Checkbox.Group
          options={GRADE_KEYS.map((g) => ({ value: g, label: gradeLabel(g) }))}
          data-testid="scope-grades"
        />
      </Form.Item>
      <Form.Item
        label="排除近几年内已抽查的对象"
        name="excludeRecentYears"
        extra={HELP.excludeRecentYears}
        rules={[numberRule(RECENT_YEARS)]}
      >
        <InputNumber suffix="年" style={{ width: 140 }} data-testid="task-exclude-years" />
      </Form.Item>
    </>
  );
}
