import { Button, Card, Empty } from 'antd';
import { useNavigate } from 'react-router';

/** A page that works on sealed draws, before there is one: what cannot be done yet, and the way to 随机抽取. */
export function NoSealedDraw({ message, testId }: { message: string; testId: string }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Empty description={<span data-testid={testId}>{message}</span>}>
        <Button type="primary" onClick={() => navigate('/draw')}>
          去随机抽取
        </Button>
      </Empty>
    </Card>
  );
}
