import { Button, Card, Descriptions, Modal, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import type { DrawView } from '@shared/domain/draws';
import { HashText } from './HashText';
import { ReasonForm } from './ReasonForm';
import type { DrawActions } from './useDrawActions';
import { dateTimeText } from '../../components/dateTime';

/** 承诺: the published commitment, as printed on the record's first part. */
export function CommitmentCard({
  draw,
  commit,
  onExport,
}: {
  draw: DrawView;
  commit: NonNullable<DrawView['commit']>;
  onExport: () => void;
}) {
  return (
    <Card
      size="small"
      title="承诺"
      data-testid="draw-commitment"
      extra={
        <Button icon={<FilePdfOutlined />} size="small" onClick={onExport} data-testid="export-record-commit">
          打印记录表第一部分（PDF）
        </Button>
      }
    >
      <Descriptions size="small" bordered column={3}>
        <Descriptions.Item label="输入摘要 inputDigest" span={3}>
          <HashText value={draw.inputDigest} />
        </Descriptions.Item>
        <Descriptions.Item label="承诺值 nonceCommit" span={3}>
          <HashText value={commit.nonceCommit} testId="hash-nonceCommit" />
        </Descriptions.Item>
        <Descriptions.Item label="地点">{commit.place}</Descriptions.Item>
        <Descriptions.Item label="操作人员">{commit.operator}</Descriptions.Item>
        <Descriptions.Item label="监督人员">{commit.supervisor}</Descriptions.Item>
        <Descriptions.Item label="承诺时间" span={3}>
          {dateTimeText(commit.committedAt)}（{commit.committedBy}）
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function VoidedAttemptsCard({ draw }: { draw: DrawView }) {
  return (
    <Card size="small" title="已作废的抽取">
      {draw.voidedAttempts.map((v) => (
        <div key={v.id} data-testid={`voided-attempt-${v.attempt}`}>
          第 {v.attempt} 次：{v.reason}（{dateTimeText(v.voidedAt)}）
          {v.nonceCommit && <Typography.Text code>承诺值 {v.nonceCommit.slice(0, 16)}…</Typography.Text>}
        </div>
      ))}
    </Card>
  );
}

export function VoidDrawModal({ actions }: { actions: DrawActions }) {
  return (
    <Modal
      open={actions.voiding}
      title="作废本次抽取"
      okText="作废"
      okButtonProps={{ danger: true, loading: actions.running === 'void' }}
      cancelText="取消"
      onOk={actions.voidDraw}
      onCancel={() => actions.setVoiding(false)}
      destroyOnHidden
      data-testid="void-modal"
    >
      <Typography.Paragraph>
        作废不会删除任何记录：本次的承诺值、见证值和作废理由都保留，并写入下一次抽取的公开输入中。
      </Typography.Paragraph>
      <ReasonForm form={actions.voidForm} label="作废理由" rows={3} testId="void-reason" />
    </Modal>
  );
}
