import { Button, Popconfirm } from 'antd';

/** A danger button that deletes after a confirm saying what may be deleted (the program refuses the rest). */
export function DeleteButton({
  noun,
  rule,
  busy,
  onConfirm,
  testId,
}: {
  /** 记录 / 事项 */
  noun: string;
  /** Which ones may go, e.g. 只能删除从未被抽取用过的记录 */
  rule: string;
  busy: boolean;
  onConfirm: () => void;
  testId: string;
}) {
  return (
    <Popconfirm
      title={`删除这个${noun}？`}
      description={`${rule}；删除记入变更记录，不能撤销。`}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={onConfirm}
    >
      <Button danger loading={busy} data-testid={testId}>
        删除此{noun}
      </Button>
    </Popconfirm>
  );
}
