import { Alert, App, Button, Card, Descriptions, Form, Space, Typography } from 'antd';
import type { ResultEntry, ResultRowEntry, ResultState } from '@shared/domain/results';
import type { ResultSheetView } from '@shared/domain/result-views';
import { EntryRows } from './EntryRows';
import { OutcomeFields, VisitFields } from './EntryFields';
import { allConform, byField } from './entryModel';
import { entryKeyDown, type EntryShortcuts } from './entryKeys';
import { StateTag, statusText } from './resultTexts';
import { useEntryDraft, type SaveStatus } from './useEntryDraft';
import { dateTimeText } from '../../components/dateTime';

interface Props {
  view: ResultSheetView;
  /** Opens the previous or next entity of the list (null at either end); the list reloads. */
  onMove(step: -1 | 1 | 0): void;
  /** The result was entered (the counts change). */
  onSubmitted(): void;
  hasPrevious: boolean;
  hasNext: boolean;
}

function ReviewNote({ view }: { view: ResultSheetView }) {
  if (view.state === '审核退回')
    return (
      <Alert
        type="warning"
        showIcon
        message={`审核退回：${view.returnReason ?? ''}`}
        description={`退回人：${view.reviewedBy ?? ''}，时间：${dateTimeText(view.reviewedAt)}。修改后重新提交。`}
      />
    );
  if (view.state === '已审核')
    return (
      <Alert
        type="success"
        showIcon
        message={`已审核：审核人 ${view.reviewedBy ?? ''}，时间 ${dateTimeText(view.reviewedAt)}。已审核的结果不能修改。`}
      />
    );
  return null;
}

interface BarProps {
  name: string;
  state: ResultState;
  status: SaveStatus;
  locked: boolean;
  actions: EntryShortcuts;
  hasPrevious: boolean;
  hasNext: boolean;
  onBack(): void;
}

/** Stays in view while the sheet scrolls: the entity, its state, the save state and the keyed buttons. */
function EntryBar({ name, state, status, locked, actions, hasPrevious, hasNext, onBack }: BarProps) {
  return (
    <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 10, marginBottom: 12 }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {name}
          </Typography.Text>
          <StateTag state={state} />
          <Typography.Text type={status.kind === 'refused' ? 'danger' : 'secondary'} data-testid="save-status">
            {statusText(status)}
          </Typography.Text>
        </Space>
        <Space>
          <Button onClick={actions.allConform} disabled={locked}>
            全部符合（Alt+A）
          </Button>
          <Button type="primary" onClick={actions.submit} disabled={locked}>
            提交（Ctrl+Enter）
          </Button>
          <Button onClick={actions.previous} disabled={!hasPrevious}>
            上一户（Alt+P）
          </Button>
          <Button onClick={actions.next} disabled={!hasNext}>
            下一户（Alt+N）
          </Button>
          <Button onClick={onBack}>返回列表</Button>
        </Space>
      </Space>
    </Card>
  );
}

/** One entity's paper sheet, entered by keyboard: saved as a draft while typing, 提交 to enter it. */
export function EntryView({ view, onMove, onSubmitted, hasPrevious, hasNext }: Props) {
  const { message } = App.useApp();
  const { entry, setEntry, problems, state, status, flush, submit } = useEntryDraft(view);
  const locked = state === '已审核';
  const fields = byField(problems);
  const change = (patch: Partial<ResultEntry>) => setEntry((e) => ({ ...e, ...patch }));
  const changeRow = (subItemId: number, patch: Partial<ResultRowEntry>) =>
    setEntry((e) => ({ ...e, rows: e.rows.map((r) => (r.subItemId === subItemId ? { ...r, ...patch } : r)) }));
  const move = async (step: -1 | 1 | 0) => {
    await flush();
    onMove(step);
  };
  const submitNow = async () => {
    if (locked) return;
    if (await submit()) {
      message.success(`「${view.name}」的检查结果已提交（已录入）。`);
      onSubmitted();
    } else message.error('提交未成功：请按各栏提示修改，所填内容已保留。');
  };
  const actions: EntryShortcuts = {
    allConform: () => !locked && setEntry(allConform),
    submit: () => void submitNow(),
    previous: () => hasPrevious && void move(-1),
    next: () => hasNext && void move(1),
  };
  return (
    <div data-entry-root onKeyDown={(e) => entryKeyDown(e, actions)} data-testid="entry-view">
      <EntryBar
        name={view.name}
        state={state}
        status={status}
        locked={locked}
        actions={actions}
        hasPrevious={hasPrevious}
        hasNext={hasNext}
        onBack={() => void move(0)}
      />
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <ReviewNote view={view} />
        <Card size="small">
          <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={view.codeKind}>{view.code}</Descriptions.Item>
            <Descriptions.Item label="任务">{`${view.taskNumbers} ${view.taskNames}`}</Descriptions.Item>
            <Descriptions.Item label="名单包">第 {view.packageNo} 包</Descriptions.Item>
          </Descriptions>
          <Form layout="vertical" component="div">
            <VisitFields view={view} entry={entry} problems={fields} disabled={locked} change={change} />
          </Form>
        </Card>
        {entry.endState ? (
          <Alert
            type="info"
            showIcon
            message={`已选择登记状态「${entry.endState}」：审核通过后记入检查对象名录，无须填写检查内容与检查结果。`}
          />
        ) : (
          <>
            <Card size="small" title="检查内容">
              <EntryRows
                items={view.items}
                rows={entry.rows}
                problem={fields.rows}
                joint={view.taskIds.length > 1}
                disabled={locked}
                onChange={changeRow}
              />
            </Card>
            <Card size="small" title="检查结果与后续处置">
              <Form layout="vertical" component="div">
                <OutcomeFields view={view} entry={entry} problems={fields} disabled={locked} change={change} />
              </Form>
            </Card>
          </>
        )}
      </Space>
    </div>
  );
}
