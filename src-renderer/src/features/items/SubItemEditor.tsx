import { Button, Input, Modal, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ItemDetail } from '@shared/domain/roster-views';
import '../../components/zodRule';
import { SubItemCard } from './SubItemCard';
import { type SubItemDrafts, useSubItemDrafts } from './useSubItemDrafts';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The check sub-items of one item — the rows of its 一户一表 record sheet. The clerk edits the text, splits one
 * into several (the first part keeps the original), adds, removes and reorders; 保存 writes the list in one
 * transaction (items:update-sub-items), logged.
 */
export function SubItemEditor({ item, onSaved }: { item: ItemDetail; onSaved: (item: ItemDetail) => void }) {
  const edit = useSubItemDrafts(item, onSaved);
  const { drafts, dirty, invalid, error } = edit;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="sub-items">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        检查子项是一户一表中的检查行。导入的清单没有单列检查子项时，每个事项有一个子项（其检查内容或事项名称），可在此修改、拆分。
      </Typography.Paragraph>
      {error && <ErrorAlert title="未能保存" error={error} testId="sub-items-error" />}
      {drafts.map((d, i) => (
        <SubItemCard key={d.key} d={d} i={i} edit={edit} />
      ))}
      <Space>
        <Button icon={<PlusOutlined />} onClick={edit.add}>
          添加子项
        </Button>
        <Button disabled={!dirty} onClick={edit.reset}>
          撤销修改
        </Button>
        <Button
          type="primary"
          disabled={!dirty || invalid}
          loading={edit.saving}
          onClick={edit.save}
          data-testid="sub-items-save"
        >
          保存检查子项
        </Button>
      </Space>
      <SplitModal edit={edit} />
    </Space>
  );
}

function SplitModal({ edit }: { edit: SubItemDrafts }) {
  const { splitting, setSplitting } = edit;
  return (
    <Modal
      open={splitting !== null}
      title="拆分检查子项"
      okText="拆分"
      cancelText="取消"
      onOk={edit.applySplit}
      onCancel={() => setSplitting(null)}
      destroyOnHidden
      modalRender={(node) => <div data-testid="split-modal">{node}</div>}
    >
      <Typography.Paragraph type="secondary">
        每行一个检查子项。第一行保留原子项，其余为新子项（检查依据和方式沿用原子项）。
      </Typography.Paragraph>
      <Input.TextArea
        autoSize={{ minRows: 4, maxRows: 12 }}
        value={splitting?.text ?? ''}
        onChange={(e) => setSplitting((s) => (s ? { ...s, text: e.target.value } : s))}
        data-testid="split-text"
      />
    </Modal>
  );
}
