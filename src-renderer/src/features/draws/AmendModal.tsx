import { Modal, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReasonForm } from './ReasonForm';
import type { Amend } from './useAmend';

/** 递补: the reason for replacing one team member; the program picks who comes in. */
export function AmendModal({ amend }: { amend: Amend }) {
  const { target } = amend;
  return (
    <Modal
      open={target !== null}
      title={target ? `递补：第 ${target.packageNo} 包检查组 ${target.member.name}（${target.member.id}）` : ''}
      okText="确认递补"
      cancelText="取消"
      confirmLoading={amend.saving}
      onOk={amend.amend}
      onCancel={amend.cancel}
      destroyOnHidden
      data-testid="amend-modal"
    >
      <Typography.Paragraph>
        被替换的人员退出本次抽取，由程序按公开规则（ssj-draw/1 第 7
        节）从其余人员中确定递补人员。递补写入证明和记录表，不可撤销。
      </Typography.Paragraph>
      <ReasonForm
        form={amend.form}
        label="递补理由"
        rows={2}
        extra="例如：与检查对象有利害关系需回避、因病请假。"
        testId="amend-reason"
      />
      <ErrorAlert title="未能递补" error={amend.error} testId="amend-error" />
    </Modal>
  );
}
