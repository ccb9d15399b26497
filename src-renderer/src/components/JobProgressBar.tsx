import type { CSSProperties, ReactNode } from 'react';
import { Button, Progress, Space } from 'antd';

interface Props {
  percent: number;
  /** The bar's width in pixels. */
  width: number;
  cancelling: boolean;
  /** No 取消 without it: a step that cannot be stopped. */
  onCancel?: () => void;
  cancelTestId?: string;
  progressTestId?: string;
  /** A small bar, for a row of other controls. */
  small?: boolean;
  testId?: string;
  /** The row's own style: a full-width row puts what follows it on a line of its own. */
  style?: CSSProperties;
  /** What the bar counts, shown between it and 取消. */
  children?: ReactNode;
}

/** A running job's bar and its 取消, which reads 正在取消… once asked. */
export function JobProgressBar(p: Props) {
  return (
    <Space style={p.style} align="center" data-testid={p.testId}>
      <Progress
        percent={p.percent}
        size={p.small ? 'small' : undefined}
        status="active"
        style={{ width: p.width }}
        data-testid={p.progressTestId}
      />
      {p.children}
      {p.onCancel && (
        <Button danger onClick={p.onCancel} disabled={p.cancelling} data-testid={p.cancelTestId}>
          {p.cancelling ? '正在取消…' : '取消'}
        </Button>
      )}
    </Space>
  );
}
