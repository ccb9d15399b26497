import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ItemDetail } from '@shared/domain/roster-views';
import { ITEM_FIELD_LABELS as L } from '@shared/domain/rosters';
import { SubItemEditor } from './SubItemEditor';

const multiline = (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;

/** One item as published, with its check sub-items to edit. */
export function ItemDetailView({ item, onSaved }: { item: ItemDetail; onSaved: () => void }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={2} bordered size="small" data-testid="item-detail">
        <Descriptions.Item label={L.name} span={2}>
          <Typography.Text strong>{multiline(item.name)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={L.compiler}>{item.compiler}</Descriptions.Item>
        <Descriptions.Item label={L.seqNo}>{item.seqNo}</Descriptions.Item>
        <Descriptions.Item label={L.checkType}>{item.checkType}</Descriptions.Item>
        <Descriptions.Item label={L.level}>{item.level}</Descriptions.Item>
        <Descriptions.Item label={L.targets} span={2}>
          {multiline(item.targets)}
        </Descriptions.Item>
        <Descriptions.Item label={L.method} span={2}>
          {multiline(item.method)}
          {item.methodKinds.map((k) => (
            <Tag key={k} style={{ marginLeft: 8 }}>
              {k}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={L.authority} span={2}>
          {multiline(item.authority)}
        </Descriptions.Item>
        <Descriptions.Item label={L.basis} span={2}>
          <div style={{ maxHeight: 160, overflow: 'auto' }}>{multiline(item.basis)}</div>
        </Descriptions.Item>
        {item.remarks ? (
          <Descriptions.Item label={L.remarks} span={2}>
            {multiline(item.remarks)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <div>
        <Typography.Title level={5}>检查子项（{item.subItems.length})</Typography.Title>
        <SubItemEditor item={item} onSaved={onSaved} />
      </div>
    </Space>
  );
}
