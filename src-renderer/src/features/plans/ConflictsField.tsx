import { Button, Form, Input, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_FIELD_HELP as HELP } from '@shared/domain/tasks';

/** 回避关系: inspector–entity pairs the draw must never put together. */
export function ConflictsField() {
  return (
    <Form.Item label="回避关系" extra={HELP.conflicts}>
      <Form.List name="conflicts">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item
                  name={[field.name, 'inspector']}
                  rules={[{ required: true, message: '请填写执法证号' }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="执法证号" style={{ width: 150 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'entity']}
                  rules={[{ required: true, message: '请填写统一社会信用代码' }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="检查对象统一社会信用代码" style={{ width: 230 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'reason']} style={{ marginBottom: 0 }}>
                  <Input placeholder="回避理由(如亲属关系)" style={{ width: 200 }} />
                </Form.Item>
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
