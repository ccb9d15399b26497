import { Button, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_FIELD_HELP as HELP } from '@shared/domain/tasks';

/** The inputs of one 回避关系 row; `required` is the message when one is left empty. */
const CELLS: { key: string; placeholder: string; width: number; required?: string }[] = [
  { key: 'inspector', placeholder: '执法证号', width: 150, required: '请填写执法证号' },
  { key: 'entity', placeholder: '检查对象统一社会信用代码', width: 230, required: '请填写统一社会信用代码' },
  { key: 'reason', placeholder: '回避理由(如亲属关系)', width: 200 },
];

/** 回避关系: inspector–entity pairs the draw must never put together. */
export function ConflictsField() {
  return (
    <Form.Item label="回避关系" extra={HELP.conflicts}>
      <Form.List name="conflicts">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                {CELLS.map((cell) => (
                  <Form.Item
                    key={cell.key}
                    name={[field.name, cell.key]}
                    rules={cell.required ? [{ required: true, message: cell.required }] : undefined}
                    style={{ marginBottom: 0 }}
                  >
                    <Input placeholder={cell.placeholder} style={{ width: cell.width }} />
                  </Form.Item>
                ))}
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除回避关系" />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ inspector: '', entity: '', reason: '' })}
            >
              添加回避关系
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
