import type { ReactNode } from 'react';
import { Button, Card, Space, Typography } from 'antd';

interface Props {
  title: string;
  testId: string;
  /** What the job writes, above its choices. */
  about: ReactNode;
  /** The choices, in one row before the start button. */
  children: ReactNode;
  start: { label: string; testId: string; onClick: () => void };
  running: boolean;
  /** How the job stands: its progress while it runs, then its outcome. */
  outcome: ReactNode;
}

/** A card that writes files by a long job: what it writes, the choices and the start button, then how it went. */
export function JobCard(p: Props) {
  return (
    <Card size="small" title={p.title} data-testid={p.testId}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{p.about}</Typography.Paragraph>
        <Space wrap>
          {p.children}
          <Button type="primary" loading={p.running} onClick={p.start.onClick} data-testid={p.start.testId}>
            {p.start.label}
          </Button>
        </Space>
        {p.outcome}
      </Space>
    </Card>
  );
}
