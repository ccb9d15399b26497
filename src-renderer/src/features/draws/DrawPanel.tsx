import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { DesktopOutlined, ExportOutlined, FilePdfOutlined, StopOutlined } from '@ant-design/icons';
import type { DrawView } from '@shared/domain/draws';
import {
  describeInspectingBody,
  describePeriod,
  describeRatio,
  describeScope,
  type TaskView,
} from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText, saveThroughDialog } from '../../components/files';
import { useApiCall } from '../../components/useApiCall';
import { HashText } from './HashText';
import { PreparationView } from './PreparationView';
import { ResultView } from './ResultView';
import { useDrawProgress } from './useDrawProgress';
import { WitnessPanel } from './WitnessPanel';

const PACKAGE_PAGE_SIZE = 20;
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

const STEP_ITEMS = [
  { title: '准备', content: '冻结名单,检查可行性' },
  { title: '承诺', content: '生成随机数,公布承诺值' },
  { title: '见证', content: '见证人依次报出见证值' },
  { title: '揭晓', content: '计算种子,抽取对象和人员' },
  { title: '封存', content: '保存证明,不可更改' },
];

function stepOf(draw: DrawView | null): { current: number; status: 'process' | 'finish' | 'error' } {
  if (!draw) return { current: 0, status: 'process' };
  switch (draw.state) {
    case 'prepared':
      return { current: 1, status: 'process' };
    case 'committed':
      return { current: 2, status: 'process' };
    case 'revealed':
      return { current: 4, status: 'process' };
    case 'sealed':
      return { current: 4, status: 'finish' };
    case 'voided':
      return { current: draw.reveal ? 4 : draw.commit ? 2 : 1, status: 'error' };
  }
}

type LongStep = 'prepare' | 'reveal' | 'seal';
const LONG_STEP_LABEL: Record<LongStep, string> = { prepare: '准备', reveal: '揭晓', seal: '封存' };

/**
 * The draw of one task, step by step (准备 → 承诺 → 见证 → 揭晓 → 封存), with the projector window, 作废 with a reason,
 * 递补 after sealing, and the exports (proof + offline verify page, the record's two parts as PDF).
 */
export function DrawPanel({ task, onChanged }: { task: TaskView; onChanged: () => void }) {
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [packagePage, setPackagePage] = useState(1);
  const { data: draw, error: loadError } = useApiCall(
    () => api()['draws:get']({ taskId: task.id, packagePage, packagePageSize: PACKAGE_PAGE_SIZE }),
    [task.id, packagePage, version],
  );
  const [running, setRunning] = useState<string | null>(null);
  const [longStep, setLongStep] = useState<LongStep | null>(null);
  const [error, setError] = useState<{ title: string; message: string }>();
  const progress = useDrawProgress(task.id, longStep !== null);
  const [voiding, setVoiding] = useState(false);
  const [commitForm] = Form.useForm<{ place: string; operator: string; supervisor: string }>();
  const [voidForm] = Form.useForm<{ reason: string }>();

  const reload = () => {
    setVersion((v) => v + 1);
    onChanged();
  };

  /** Runs one action; its Chinese refusal is shown as is, and nothing else changes on the page. */
  async function run(name: string, failTitle: string, action: () => Promise<unknown>, long?: LongStep) {
    setRunning(name);
    setLongStep(long ?? null);
    setError(undefined);
    try {
      await action();
      reload();
      return true;
    } catch (e) {
      setError({ title: failTitle, message: errorText(e) });
      reload();
      return false;
    } finally {
      setRunning(null);
      setLongStep(null);
    }
  }

  const current = draw && draw.state !== 'voided' ? draw : null;
  const prepare = () =>
    run('prepare', '准备未完成,没有保存任何内容', () => api()['draws:prepare']({ taskId: task.id }), 'prepare');
  const commit = async () => {
    const values = await commitForm.validateFields().catch(() => null);
    if (!values) return;
    await run('commit', '未能承诺', () => api()['draws:commit']({ drawId: current!.id, ...values }));
  };
  const reveal = () => run('reveal', '未能揭晓', () => api()['draws:reveal']({ drawId: current!.id }), 'reveal');
  const seal = () => run('seal', '未能封存', () => api()['draws:seal']({ drawId: current!.id }), 'seal');
  const voidDraw = async () => {
    const values = await voidForm.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    if (await run('void', '未能作废', () => api()['draws:void']({ drawId: current!.id, reason }))) setVoiding(false);
  };

  async function openProjector() {
    try {
      const info = await api()['ceremony:open']({ taskId: task.id });
      message.success(
        info.fullScreen
          ? '投影画面已在第二个显示器上全屏打开'
          : '投影画面已在新窗口中打开(未检测到第二个显示器,可将窗口拖到投影仪上)',
      );
    } catch (e) {
      message.error(errorText(e));
    }
  }

  async function exportProof() {
    try {
      const done = await saveThroughDialog('proof', `${task.number}-抽取证明.json`, (fileToken) =>
        api()['draws:export-proof']({ drawId: current!.id, fileToken }),
      );
      if (done) message.success(`已导出 ${done.fileName},离线验证页 ${done.verifyPage} 在同一文件夹`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  async function exportRecord(part: 'commit' | 'result') {
    const label = part === 'commit' ? '第一部分(承诺)' : '第二部分(结果)';
    try {
      const done = await saveThroughDialog('record', `${task.number}-随机抽取情况记录表${label}.pdf`, (fileToken) =>
        api()['draws:export-record']({ drawId: draw!.id, part, fileToken }),
      );
      if (done) message.success(`已导出记录表${label}:${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  const step = stepOf(draw ?? null);
  const busy = running !== null;
  const witnesses = current?.witnesses.filter((w) => w.kind === 'witness').length ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="draw-panel">
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="draw-task-number">{task.number}</span>
            <span>{task.name}</span>
            {draw && (
              <Tag
                color={draw.state === 'voided' ? 'red' : draw.state === 'sealed' ? 'green' : 'blue'}
                data-testid="draw-state"
              >
                {draw.stateLabel}
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<DesktopOutlined />} onClick={openProjector} data-testid="ceremony-open">
              打开投影画面
            </Button>
            {current && current.state !== 'sealed' && (
              <Button
                danger
                icon={<StopOutlined />}
                disabled={busy}
                onClick={() => (voidForm.resetFields(), setVoiding(true))}
                data-testid="draw-void"
              >
                作废本次抽取
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="检查主体">
            {describeInspectingBody(task.leadDepartment, task.joiningDepartments)}
          </Descriptions.Item>
          <Descriptions.Item label="开展时间">{describePeriod(task.startDate, task.endDate)}</Descriptions.Item>
          <Descriptions.Item label="检查事项">{task.items.map((i) => i.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="抽查比例">{describeRatio(task.ratio, task.scope.grades)}</Descriptions.Item>
          <Descriptions.Item label="检查对象范围" span={2}>
            {describeScope(task.scope, task.excludeRecentYears)}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small">
        <Steps current={step.current} status={step.status} items={STEP_ITEMS} data-testid="draw-steps" />
        <div style={{ marginTop: 16 }}>
          {loadError && <Alert type="error" showIcon title="无法读取抽取" description={loadError} />}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error.title}
              description={error.message}
              style={{ marginBottom: 12 }}
              data-testid="draw-error"
            />
          )}
          {longStep && (
            <div data-testid="draw-progress" style={{ marginBottom: 12 }}>
              <Typography.Text>
                正在{LONG_STEP_LABEL[longStep]}:{progress?.label ?? '开始'}(在后台进行,页面可以继续查看)
              </Typography.Text>
              <Progress
                percent={progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
                status="active"
              />
            </div>
          )}
          {draw?.state === 'voided' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="draw-voided"
              title={`第 ${draw.attempt} 次抽取已作废`}
              description={`${draw.voided!.reason}(${draw.voided!.voidedBy} 于 ${when(draw.voided!.voidedAt)} 作废)。作废记录和承诺值保留在操作日志和下一次抽取的输入中。`}
            />
          )}
          {(!draw || draw.state === 'voided') && (
            <Space orientation="vertical">
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                准备:按任务条件冻结检查对象名单和执法人员名单,计算输入摘要,并检查每个名单包都能组成检查组。范围为空、人员不足、开展时间已过时会说明原因,不保存任何内容。
              </Typography.Paragraph>
              <Button
                type="primary"
                loading={running === 'prepare'}
                disabled={busy}
                onClick={prepare}
                data-testid="draw-prepare"
              >
                {draw?.state === 'voided' ? '重新准备' : '准备'}
              </Button>
            </Space>
          )}
          {current?.state === 'prepared' && (
            <Form form={commitForm} layout="inline" data-testid="commit-form">
              <Form.Item
                name="place"
                rules={[{ required: true, whitespace: true, message: '请填写抽取地点' }]}
                tooltip="印在记录表上"
              >
                <Input placeholder="抽取地点" style={{ width: 200 }} data-testid="commit-place" />
              </Form.Item>
              <Form.Item name="operator" rules={[{ required: true, whitespace: true, message: '请填写操作人员' }]}>
                <Input placeholder="操作人员" style={{ width: 140 }} data-testid="commit-operator" />
              </Form.Item>
              <Form.Item name="supervisor" rules={[{ required: true, whitespace: true, message: '请填写监督人员' }]}>
                <Input placeholder="监督人员" style={{ width: 160 }} data-testid="commit-supervisor" />
              </Form.Item>
              <Form.Item>
                <Popconfirm
                  title="承诺"
                  description="承诺后本任务只能完成这次抽取或写明理由作废,不能重新抽取。确认名单无误?"
                  okText="承诺"
                  cancelText="取消"
                  onConfirm={commit}
                >
                  <Button type="primary" loading={running === 'commit'} disabled={busy} data-testid="draw-commit">
                    承诺(生成随机数并公布承诺值)
                  </Button>
                </Popconfirm>
              </Form.Item>
            </Form>
          )}
          {current?.state === 'committed' && (
            <Space orientation="vertical">
              <Typography.Text>请见证人依次报出见证值并录入(下方“见证”)。全部录入后揭晓。</Typography.Text>
              <Popconfirm
                title="揭晓"
                description="揭晓后不能再录入见证值。确认见证值都已录入?"
                okText="揭晓"
                cancelText="取消"
                onConfirm={reveal}
                disabled={witnesses === 0}
              >
                <Button
                  type="primary"
                  loading={running === 'reveal'}
                  disabled={busy || witnesses === 0}
                  data-testid="draw-reveal"
                >
                  揭晓
                </Button>
              </Popconfirm>
            </Space>
          )}
          {current?.state === 'revealed' && (
            <Popconfirm
              title="封存"
              description="封存后抽取结果和证明不可更改(人员变动只能递补)。"
              okText="封存"
              cancelText="取消"
              onConfirm={seal}
            >
              <Button type="primary" loading={running === 'seal'} disabled={busy} data-testid="draw-seal">
                封存
              </Button>
            </Popconfirm>
          )}
          {current?.state === 'sealed' && (
            <Space wrap>
              <Typography.Text type="success" data-testid="draw-sealed">
                已封存:结果不可更改。
              </Typography.Text>
              <Button icon={<ExportOutlined />} onClick={exportProof} data-testid="export-proof">
                导出抽取证明(含离线验证页)
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                onClick={() => exportRecord('result')}
                data-testid="export-record-result"
              >
                打印记录表第二部分(PDF)
              </Button>
            </Space>
          )}
        </div>
      </Card>

      {/* The result first once there is one: it is what the room waits for. */}
      {draw?.reveal && (
        <Card size="small" title={`抽取结果(${draw.packageCount} 个名单包)`}>
          <ResultView draw={draw} page={packagePage} onPage={setPackagePage} onAmended={reload} busy={busy} />
        </Card>
      )}

      {draw && (
        <Card
          size="small"
          title={`准备结果(第 ${draw.attempt} 次抽取 · ${draw.preparedBy} 于 ${when(draw.preparedAt)})`}
        >
          <PreparationView draw={draw} />
        </Card>
      )}

      {draw?.commit && (
        <Card
          size="small"
          title="承诺"
          data-testid="draw-commitment"
          extra={
            <Button
              icon={<FilePdfOutlined />}
              size="small"
              onClick={() => exportRecord('commit')}
              data-testid="export-record-commit"
            >
              打印记录表第一部分(PDF)
            </Button>
          }
        >
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="输入摘要 inputDigest" span={3}>
              <HashText value={draw.inputDigest} />
            </Descriptions.Item>
            <Descriptions.Item label="承诺值 nonceCommit" span={3}>
              <HashText value={draw.commit.nonceCommit} testId="hash-nonceCommit" />
            </Descriptions.Item>
            <Descriptions.Item label="地点">{draw.commit.place}</Descriptions.Item>
            <Descriptions.Item label="操作人员">{draw.commit.operator}</Descriptions.Item>
            <Descriptions.Item label="监督人员">{draw.commit.supervisor}</Descriptions.Item>
            <Descriptions.Item label="承诺时间" span={3}>
              {when(draw.commit.committedAt)}({draw.commit.committedBy})
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      {draw?.commit && (
        <Card size="small" title="见证" data-testid="draw-witnesses">
          <WitnessPanel draw={draw} onAdded={reload} disabled={busy} />
        </Card>
      )}

      {draw && draw.voidedAttempts.length > 0 && (
        <Card size="small" title="已作废的抽取">
          {draw.voidedAttempts.map((v) => (
            <div key={v.id} data-testid={`voided-attempt-${v.attempt}`}>
              第 {v.attempt} 次:{v.reason}({when(v.voidedAt)})
              {v.nonceCommit && <Typography.Text code>承诺值 {v.nonceCommit.slice(0, 16)}…</Typography.Text>}
            </div>
          ))}
        </Card>
      )}

      <Modal
        open={voiding}
        title="作废本次抽取"
        okText="作废"
        okButtonProps={{ danger: true, loading: running === 'void' }}
        cancelText="取消"
        onOk={voidDraw}
        onCancel={() => setVoiding(false)}
        destroyOnHidden
        data-testid="void-modal"
      >
        <Typography.Paragraph>
          作废不会删除任何记录:本次的承诺值、见证值和作废理由都保留,并写入下一次抽取的公开输入中。
        </Typography.Paragraph>
        <Form form={voidForm} layout="vertical">
          <Form.Item
            label="作废理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写作废理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="void-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
