import { Card, Result, Typography } from 'antd';

/** A page whose workflow is not built yet: says plainly what will be here, so nobody mistakes it for broken. */
export function PlannedPage({ title, planned }: { title: string; planned: string[] }) {
  return (
    <Card>
      <Result
        status="info"
        title={`「${title}」功能正在建设中`}
        subTitle="本页将提供以下功能："
        extra={
          <Typography.Paragraph style={{ textAlign: 'left', display: 'inline-block' }}>
            <ul data-testid="planned-list">
              {planned.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Typography.Paragraph>
        }
      />
    </Card>
  );
}
