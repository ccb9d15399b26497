import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/** Why an action or a read was refused: a red alert with the Chinese message, shown only while there is one. */
export function ErrorAlert({
  title,
  error,
  style,
  testId,
}: {
  /** What did not happen, e.g. 未能保存 */
  title: string;
  error: string | undefined;
  style?: CSSProperties;
  testId?: string;
}) {
  if (!error) return null;
  return <Alert type="error" showIcon title={title} description={error} style={style} data-testid={testId} />;
}
