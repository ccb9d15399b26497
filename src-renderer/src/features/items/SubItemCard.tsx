import { Button, Card, Input, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, ScissorOutlined } from '@ant-design/icons';
import { contentError, type Draft, type SubItemDrafts } from './useSubItemDrafts';

/** A first guess at the parts of a sub-item: one per line, or per "；" when it is one line. */
function suggestParts(content: string): string {
  const lines = content
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 1) return lines.join('\n');
  return content
    .split(/[；;]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** One sub-item: its content (checked as typed), method and basis, with move, split and delete. */
export function SubItemCard({ d, i, edit }: { d: Draft; i: number; edit: SubItemDrafts }) {
  const problem = contentError(d);
  return (
    <Card
      size="small"
      data-testid={`sub-item-${i + 1}`}
      title={`子项 ${i + 1}${d.id === undefined ? '（新）' : ''}`}
      extra={<SubItemTools d={d} i={i} edit={edit} />}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={d.content}
          status={problem ? 'error' : undefined}
          onChange={(e) => edit.update(i, { content: e.target.value })}
          placeholder="检查内容"
          aria-label={`子项 ${i + 1} 检查内容`}
        />
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={d.method}
            onChange={(e) => edit.update(i, { method: e.target.value })}
            placeholder="检查方式"
            style={{ width: 160 }}
            aria-label={`子项 ${i + 1} 检查方式`}
          />
          <Input
            value={d.basis}
            onChange={(e) => edit.update(i, { basis: e.target.value })}
            placeholder="检查依据"
            aria-label={`子项 ${i + 1} 检查依据`}
          />
        </Space.Compact>
      </Space>
    </Card>
  );
}

function SubItemTools({ d, i, edit }: { d: Draft; i: number; edit: SubItemDrafts }) {
  return (
    <Space size={0}>
      <Tooltip title="上移">
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={i === 0}
          onClick={() => edit.move(i, -1)}
          aria-label="上移"
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={i === edit.drafts.length - 1}
          onClick={() => edit.move(i, 1)}
          aria-label="下移"
        />
      </Tooltip>
      <Button
        type="text"
        size="small"
        icon={<ScissorOutlined />}
        onClick={() => edit.setSplitting({ index: i, text: suggestParts(d.content) })}
        data-testid={`split-${i + 1}`}
      >
        拆分
      </Button>
      <Button
        type="text"
        size="small"
        danger
        icon={<DeleteOutlined />}
        disabled={edit.drafts.length === 1}
        onClick={() => edit.remove(i)}
      >
        删除
      </Button>
    </Space>
  );
}
