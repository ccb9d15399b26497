import { Button, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * A form drawer's footer: the refusal above the buttons (seen however far the form is scrolled), 取消 and the save
 * button (children) at the right, an optional action such as 删除 at the left.
 */
export function DrawerFooter({
  error,
  start,
  onClose,
  children,
}: {
  error: ReactNode;
  start?: ReactNode;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {error}
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <span>{start}</span>
        <Space>
          <Button onClick={onClose}>取消</Button>
          {children}
        </Space>
      </div>
    </div>
  );
}
