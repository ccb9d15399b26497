import { useState } from 'react';
import { Button, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TASK_FIELD_HELP as HELP, type TaskConflict } from '@shared/domain/tasks';
import { ConflictPartySelect, PartyText, type ConflictParty, type PartyRoster } from './ConflictPartySelect';
import { partyKey, useConflictParties } from './useConflictParties';

/** 回避关系: inspector–entity pairs the draw must never put together, each side picked from its roster. */
export function ConflictsField() {
  return (
    <Form.Item label="回避关系" name="conflicts" extra={HELP.conflicts}>
      <ConflictsEditor />
    </Form.Item>
  );
}

const MISSING: Record<PartyRoster, string> = {
  inspectors: '执法人员名录中没有此执法证号，请删除后重新选择',
  entities: '检查对象名录中没有此代码，请删除后重新选择',
};

/** One side of a listed pair: who it is, or its key marked as not in the roster. */
function PartyCell({
  roster,
  party,
  raw,
}: {
  roster: PartyRoster;
  party: ConflictParty | null | undefined;
  raw: string;
}) {
  if (party) return <PartyText roster={roster} party={party} />;
  if (party === undefined) return <Typography.Text>{raw}</Typography.Text>;
  return (
    <Flex vertical>
      <Typography.Text type="danger">{raw}</Typography.Text>
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {MISSING[roster]}
      </Typography.Text>
    </Flex>
  );
}

const samePair = (a: TaskConflict, b: TaskConflict) =>
  partyKey('inspectors', a.inspector) === partyKey('inspectors', b.inspector) &&
  partyKey('entities', a.entity) === partyKey('entities', b.entity);

/** The chosen pairs, listed by name and removable, and a row to pick the next one. */
function ConflictsEditor({ value = [], onChange }: { value?: TaskConflict[]; onChange?: (v: TaskConflict[]) => void }) {
  const parties = useConflictParties({
    inspectors: value.map((c) => c.inspector),
    entities: value.map((c) => c.entity),
  });
  const change = (next: TaskConflict[]) => onChange?.(next);
  const setReason = (index: number, reason: string) =>
    change(value.map((c, i) => (i === index ? { ...c, reason } : c)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="task-conflicts">
      {value.length > 0 && (
        <Table<TaskConflict & { index: number }>
          size="small"
          rowKey="index"
          dataSource={value.map((c, index) => ({ ...c, index }))}
          pagination={value.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            {
              title: '执法人员',
              width: 250,
              render: (_, c) => (
                <PartyCell roster="inspectors" party={parties.lookup('inspectors', c.inspector)} raw={c.inspector} />
              ),
            },
            {
              title: '检查对象',
              render: (_, c) => (
                <PartyCell roster="entities" party={parties.lookup('entities', c.entity)} raw={c.entity} />
              ),
            },
            {
              title: '回避理由',
              width: 200,
              render: (_, c) => (
                <Input
                  value={c.reason}
                  maxLength={200}
                  placeholder="如亲属关系"
                  onChange={(e) => setReason(c.index, e.target.value)}
                />
              ),
            },
            {
              title: '操作',
              width: 56,
              render: (_, c) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除回避关系"
                  onClick={() => change(value.filter((_, i) => i !== c.index))}
                />
              ),
            },
          ]}
        />
      )}
      <NewConflictRow
        onAdd={(conflict, picked) => {
          parties.remember('inspectors', conflict.inspector, picked.inspector);
          parties.remember('entities', conflict.entity, picked.entity);
          change([...value, conflict]);
        }}
        isListed={(conflict) => value.some((c) => samePair(c, conflict))}
      />
    </Space>
  );
}

/** Pick an inspector and an entity (typing part of a name or code), give the reason, add the pair. */
function NewConflictRow({
  onAdd,
  isListed,
}: {
  onAdd: (conflict: TaskConflict, picked: { inspector: ConflictParty; entity: ConflictParty }) => void;
  isListed: (conflict: TaskConflict) => boolean;
}) {
  const [inspector, setInspector] = useState<ConflictParty | null>(null);
  const [entity, setEntity] = useState<ConflictParty | null>(null);
  const [reason, setReason] = useState('');
  const conflict = inspector && entity ? { inspector: inspector.key, entity: entity.key, reason: reason.trim() } : null;
  const listed = conflict !== null && isListed(conflict);
  const add = () => {
    if (!conflict || !inspector || !entity || listed) return;
    onAdd(conflict, { inspector, entity });
    setInspector(null);
    setEntity(null);
    setReason('');
  };
  return (
    <Space orientation="vertical" size={4}>
      <Space wrap>
        <ConflictPartySelect roster="inspectors" value={inspector} onChange={setInspector} width={300} />
        <ConflictPartySelect roster="entities" value={entity} onChange={setEntity} width={340} />
        <Input
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          placeholder="回避理由（如亲属关系）"
          style={{ width: 200 }}
          data-testid="conflict-reason"
        />
        <Button icon={<PlusOutlined />} disabled={!conflict || listed} onClick={add} data-testid="conflict-add">
          添加回避关系
        </Button>
      </Space>
      {listed && <Typography.Text type="warning">这对执法人员与检查对象已在回避关系中。</Typography.Text>}
    </Space>
  );
}
