import { Button, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { ExportOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { DrawView } from '@shared/domain/draws';
import type { DrawActions } from './useDrawActions';
import { useSession } from '../users/session';
import { filledRule } from '../../components/filledRule';

/** The next step's control: 准备 (again after 作废), the commit form, 揭晓, 封存, or the sealed draw's exports. */
export function DrawStepControls({
  draw,
  actions,
  files,
}: {
  draw: DrawView | null | undefined;
  actions: DrawActions;
  files: SealedFiles;
}) {
  const { current, running, busy } = actions;
  const witnesses = current?.witnesses.filter((w) => w.kind === 'witness').length ?? 0;
  return (
    <>
      {(!draw || draw.state === 'voided') && (
        <Space orientation="vertical">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            准备：按任务条件冻结检查对象名单和执法人员名单，计算输入摘要，并检查每个名单包都能组成检查组。范围为空、人员不足、开展时间已过时会说明原因，不保存任何内容。
          </Typography.Paragraph>
          <Button
            type="primary"
            loading={running === 'prepare'}
            disabled={busy}
            onClick={actions.prepare}
            data-testid="draw-prepare"
          >
            {draw?.state === 'voided' ? '重新准备' : '准备'}
          </Button>
        </Space>
      )}
      {current?.state === 'prepared' && <CommitForm actions={actions} />}
      {current?.state === 'committed' && (
        <Space orientation="vertical">
          <Typography.Text>请见证人依次报出见证值并录入（下方“见证”）。全部录入后揭晓。</Typography.Text>
          <ConfirmedStep
            actions={actions}
            step="reveal"
            description="揭晓后不能再录入见证值。确认见证值都已录入？"
            disabled={witnesses === 0}
          />
        </Space>
      )}
      {current?.state === 'revealed' && <SealForm actions={actions} supervisor={current.commit?.supervisor ?? ''} />}
      {current?.state === 'sealed' && <SealedExports files={files} />}
    </>
  );
}

const STEP_NAMES = { commit: '承诺', reveal: '揭晓', seal: '封存' } as const;

/** A ceremony step's primary button, behind a confirmation titled with the step's name. */
function ConfirmedStep({
  actions,
  step,
  description,
  disabled = false,
  children,
}: {
  actions: DrawActions;
  step: keyof typeof STEP_NAMES;
  description: string;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const name = STEP_NAMES[step];
  return (
    <Popconfirm
      title={name}
      description={description}
      okText={name}
      cancelText="取消"
      onConfirm={actions[step]}
      disabled={disabled}
    >
      <Button
        type="primary"
        loading={actions.running === step}
        disabled={actions.busy || disabled}
        data-testid={`draw-${step}`}
      >
        {children ?? name}
      </Button>
    </Popconfirm>
  );
}

/** Once accounts exist, the supervisor types their own password here on the operator's machine (main checks it). */
function SupervisorPassword({ label }: { label: string }) {
  return (
    <Form.Item name="supervisorPassword" rules={[{ required: true, message: '请监督员输入本人密码' }]}>
      <Input.Password placeholder={label} style={{ width: 200 }} autoComplete="off" data-testid="supervisor-password" />
    </Form.Item>
  );
}

function SealForm({ actions, supervisor }: { actions: DrawActions; supervisor: string }) {
  const { usersExist } = useSession();
  return (
    <Form form={actions.sealForm} layout="inline" data-testid="seal-form">
      {usersExist && <SupervisorPassword label={`监督员「${supervisor}」的密码`} />}
      <ConfirmedStep actions={actions} step="seal" description="封存后抽取结果和证明不可更改（人员变动只能递补）。" />
    </Form>
  );
}

function CommitForm({ actions }: { actions: DrawActions }) {
  const { user } = useSession();
  return (
    <Form
      form={actions.commitForm}
      layout="inline"
      data-testid="commit-form"
      initialValues={user ? { operator: user.name } : undefined}
    >
      <Form.Item name="place" rules={[filledRule('请填写抽取地点')]} tooltip="印在记录表上">
        <Input placeholder="抽取地点" style={{ width: 200 }} data-testid="commit-place" />
      </Form.Item>
      <Form.Item name="operator" rules={[filledRule('请填写操作人员')]}>
        <Input
          placeholder="操作人员"
          style={{ width: 140 }}
          disabled={!!user}
          title={user ? '操作人员是当前登录的用户' : undefined}
          data-testid="commit-operator"
        />
      </Form.Item>
      <Form.Item name="supervisor" rules={[filledRule('请填写监督人员')]}>
        <Input
          placeholder={user ? '监督员用户名' : '监督人员'}
          style={{ width: 160 }}
          data-testid="commit-supervisor"
        />
      </Form.Item>
      {user && <SupervisorPassword label="监督员本人密码" />}
      <Form.Item>
        <ConfirmedStep
          actions={actions}
          step="commit"
          description="承诺后本任务只能完成这次抽取或写明理由作废，不能重新抽取。确认名单无误？"
        >
          承诺（生成随机数并公布承诺值）
        </ConfirmedStep>
      </Form.Item>
    </Form>
  );
}

/** What a sealed draw exports: the proof, part two of the record, the teams' list. */
export interface SealedFiles {
  exportProof: () => void;
  exportResult: () => void;
  exportList: () => void;
}

function SealedExports({ files }: { files: SealedFiles }) {
  return (
    <Space wrap>
      <Typography.Text type="success" data-testid="draw-sealed">
        已封存：结果不可更改。
      </Typography.Text>
      <Button icon={<ExportOutlined />} onClick={files.exportProof} data-testid="export-proof">
        导出抽取证明（含离线验证页）
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={files.exportResult} data-testid="export-record-result">
        打印记录表第二部分（PDF）
      </Button>
      <Button icon={<FileExcelOutlined />} onClick={files.exportList} data-testid="export-drawn-list">
        导出抽取名单（Excel）
      </Button>
    </Space>
  );
}
