import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import {
  CaretRightOutlined,
  LeftOutlined,
  PauseOutlined,
  RightOutlined,
  VerticalAlignBottomOutlined,
} from '@ant-design/icons';
import type { RevealMove, RevealPosition } from '@shared/domain/draws';
import { api } from '../../api';
import { errorText } from '../../components/files';
import { usePoll } from '../../components/usePoll';

const POLL_MS = 1000;

/** The projector's position, polled: while playing it moves on by itself. */
function useRevealPosition(taskId: number) {
  const [position, setPosition] = useState<RevealPosition | null>(null);
  usePoll(
    async (stopped) => {
      try {
        const next = await api()['draws:reveal-position']({ taskId });
        if (!stopped()) setPosition(next);
      } catch {
        // A missed poll only delays the position shown; the buttons report their own errors.
      }
    },
    POLL_MS,
    [taskId],
  );
  return [position, setPosition] as const;
}

/** → / PageDown, ← / PageUp, space, End — not while typing, and space stays a focused button's own. */
function moveOfKey(event: KeyboardEvent, paused: boolean): RevealMove | null {
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"], .ant-modal, .ant-popover')) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'ArrowRight' || event.key === 'PageDown') return 'next';
  if (event.key === 'ArrowLeft' || event.key === 'PageUp') return 'previous';
  if (event.key === 'End') return 'summary';
  if (event.key === ' ' && !target?.closest('button, a')) return paused ? 'resume' : 'pause';
  return null;
}

function where(position: RevealPosition): string {
  if (position.view === 'summary') return '摘要';
  return `抽中名单第 ${position.screen}/${position.screens} 屏（每屏 ${position.perScreen} 个名单包，${position.paused ? '已暂停' : '自动翻屏中'}）`;
}

/**
 * 揭晓 and after: what the projector shows is the operator's — the drawn list screen by screen (下一屏, 上一屏), paused
 * or playing on, or the summary; after 封存 the list stays browsable the same way. The keys work anywhere on the page.
 */
export function RevealControls({ taskId }: { taskId: number }) {
  const { message } = App.useApp();
  const [position, setPosition] = useRevealPosition(taskId);
  const move = useCallback(
    async (to: RevealMove) => {
      try {
        setPosition(await api()['draws:reveal-move']({ taskId, move: to }));
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [taskId, message, setPosition],
  );
  const paused = position?.paused ?? true;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const to = moveOfKey(event, paused);
      if (!to) return;
      event.preventDefault();
      void move(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, paused]);
  if (!position) return null;
  const list = position.view === 'list';
  return (
    <Card size="small" title="投影画面" data-testid="reveal-controls">
      <Space wrap>
        <Typography.Text data-testid="reveal-where" data-view={position.view} data-screen={position.screen}>
          正在显示：{where(position)}
        </Typography.Text>
        <Button icon={<LeftOutlined />} onClick={() => void move('previous')} data-testid="reveal-previous">
          上一屏（←）
        </Button>
        <Button icon={<RightOutlined />} onClick={() => void move('next')} data-testid="reveal-next">
          下一屏（→）
        </Button>
        <Button
          icon={list && !paused ? <PauseOutlined /> : <CaretRightOutlined />}
          onClick={() => void move(list && !paused ? 'pause' : 'resume')}
          data-testid="reveal-pause"
        >
          {list && !paused ? '暂停（空格）' : '继续（空格）'}
        </Button>
        <Button
          icon={<VerticalAlignBottomOutlined />}
          onClick={() => void move('summary')}
          disabled={!list}
          data-testid="reveal-summary"
        >
          到摘要（End）
        </Button>
      </Space>
    </Card>
  );
}
