import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/**
 * Why an action or a read was refused: a red alert with the Chinese message, shown only while there is one. Inside an
 * antd Space write `{error && <ErrorAlert …/>}`: Space gives every child element its gap, even one that renders nothing.
 */
export function ErrorAlert({
  title,
  error,
  style,
  testId,
}: {
  /** What did not happen, e.g. 未能保存 */
  title: string;
  error: string | null | undefined;
  style?: CSSProperties;
  testId?: string;
}) {
  if (!error) return null;
  return <Alert type="error" showIcon title={title} description={error} style={style} data-testid={testId} />;
}
