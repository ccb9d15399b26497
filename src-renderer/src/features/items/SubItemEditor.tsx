import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, ScissorOutlined } from '@ant-design/icons';
import type { ItemDetail } from '@shared/domain/roster-views';
import { subItemDraft } from '@shared/ipc/schemas';
import { api } from '../../api';
import { useAction } from '../../components/useAction';
import '../../components/zodRule';

interface Draft {
  key: string;
  /** The stored sub-item this row keeps (its results stay attached); none for a new row. */
  id?: number;
  content: string;
  basis: string;
  method: string;
}

let nextKey = 0;
const newKey = () => `n${++nextKey}`;
const fromItem = (item: ItemDetail): Draft[] =>
  item.subItems.map((s) => ({ key: `s${s.id}`, id: s.id, content: s.content, basis: s.basis, method: s.method }));

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

/**
 * The check sub-items of one item — the rows of its 一户一表 record sheet. The clerk edits the text, splits one
 * into several (the first part keeps the original), adds, removes and reorders; 保存 writes the list in one
 * transaction (items:update-sub-items), logged.
 */
export function SubItemEditor({ item, onSaved }: { item: ItemDetail; onSaved: (item: ItemDetail) => void }) {
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[]>(() => fromItem(item));
  const [splitting, setSplitting] = useState<{ index: number; text: string } | null>(null);
  const { run, busy: saving, error, setError } = useAction();
  useEffect(() => {
    setDrafts(fromItem(item));
    setError(undefined);
  }, [item]);

  const dirty =
    JSON.stringify(drafts.map(({ key: _k, ...d }) => d)) !==
    JSON.stringify(fromItem(item).map(({ key: _k, ...d }) => d));
  const contentError = (d: Draft) => {
    const r = subItemDraft.shape.content.safeParse(d.content);
    return r.success ? undefined : r.error.issues[0]?.message;
  };
  const invalid = drafts.some((d) => contentError(d));

  const update = (index: number, patch: Partial<Draft>) =>
    setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  function applySplit() {
    if (!splitting) return;
    const parts = splitting.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (parts.length < 2) {
      message.warning('请把内容分成至少两行,每行一个检查子项');
      return;
    }
    setDrafts((list) => {
      const original = list[splitting.index];
      const pieces = parts.map((content, i) => ({
        ...original,
        key: i === 0 ? original.key : newKey(),
        id: i === 0 ? original.id : undefined,
        content,
      }));
      return [...list.slice(0, splitting.index), ...pieces, ...list.slice(splitting.index + 1)];
    });
    setSplitting(null);
  }

  async function save() {
    const saved = await run(() =>
      api()['items:update-sub-items']({
        itemId: item.id,
        subItems: drafts.map((d) => ({
          ...(d.id !== undefined ? { id: d.id } : {}),
          content: d.content,
          basis: d.basis,
          method: d.method,
        })),
      }),
    );
    if (!saved) return;
    message.success(`检查子项已保存(共 ${saved.subItems.length} 项)`);
    onSaved(saved);
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="sub-items">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        检查子项是一户一表中的检查行。导入的清单没有单列检查子项时,每个事项有一个子项(其检查内容或事项名称),可在此修改、拆分。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title="未能保存" description={error} data-testid="sub-items-error" />}
      {drafts.map((d, i) => {
        const problem = contentError(d);
        return (
          <Card
            key={d.key}
            size="small"
            data-testid={`sub-item-${i + 1}`}
            title={`子项 ${i + 1}${d.id === undefined ? '(新)' : ''}`}
            extra={
              <Space size={0}>
                <Tooltip title="上移">
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label="上移"
                  />
                </Tooltip>
                <Tooltip title="下移">
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === drafts.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label="下移"
                  />
                </Tooltip>
                <Button
                  type="text"
                  size="small"
                  icon={<ScissorOutlined />}
                  onClick={() => setSplitting({ index: i, text: suggestParts(d.content) })}
                  data-testid={`split-${i + 1}`}
                >
                  拆分
                </Button>
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={drafts.length === 1}
                  onClick={() => setDrafts((list) => list.filter((_, j) => j !== i))}
                >
                  删除
                </Button>
              </Space>
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 6 }}
                value={d.content}
                status={problem ? 'error' : undefined}
                onChange={(e) => update(i, { content: e.target.value })}
                placeholder="检查内容"
                aria-label={`子项 ${i + 1} 检查内容`}
              />
              {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={d.method}
                  onChange={(e) => update(i, { method: e.target.value })}
                  placeholder="检查方式"
                  style={{ width: 160 }}
                  aria-label={`子项 ${i + 1} 检查方式`}
                />
                <Input
                  value={d.basis}
                  onChange={(e) => update(i, { basis: e.target.value })}
                  placeholder="检查依据"
                  aria-label={`子项 ${i + 1} 检查依据`}
                />
              </Space.Compact>
            </Space>
          </Card>
        );
      })}
      <Space>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDrafts((list) => [...list, { key: newKey(), content: '', basis: item.basis, method: item.method }])
          }
        >
          添加子项
        </Button>
        <Button disabled={!dirty} onClick={() => setDrafts(fromItem(item))}>
          撤销修改
        </Button>
        <Button
          type="primary"
          disabled={!dirty || invalid}
          loading={saving}
          onClick={save}
          data-testid="sub-items-save"
        >
          保存检查子项
        </Button>
      </Space>
      <Modal
        open={splitting !== null}
        title="拆分检查子项"
        okText="拆分"
        cancelText="取消"
        onOk={applySplit}
        onCancel={() => setSplitting(null)}
        destroyOnHidden
        modalRender={(node) => <div data-testid="split-modal">{node}</div>}
      >
        <Typography.Paragraph type="secondary">
          每行一个检查子项。第一行保留原子项,其余为新子项(检查依据和方式沿用原子项)。
        </Typography.Paragraph>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          value={splitting?.text ?? ''}
          onChange={(e) => setSplitting((s) => (s ? { ...s, text: e.target.value } : s))}
          data-testid="split-text"
        />
      </Modal>
    </Space>
  );
}
