import { Tag } from 'antd';
import type { ResultState } from '@shared/domain/results';
import type { SaveStatus } from './useEntryDraft';

const STATE_COLORS: Record<ResultState, string> = {
  未录入: 'default',
  已录入: 'blue',
  已审核: 'green',
  审核退回: 'red',
};

export function StateTag({ state, draft }: { state: ResultState; draft?: boolean }) {
  return (
    <Tag color={STATE_COLORS[state]} data-testid="result-state">
      {state}
      {draft ? '（草稿）' : ''}
    </Tag>
  );
}

export function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'clean':
      return '尚未填写';
    case 'typing':
      return '有改动，稍后自动保存…';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return `已保存（${new Date(status.at).toLocaleTimeString('zh-CN')}）`;
    case 'refused':
      return '未能保存：所填内容仍保留在本页，请按提示修改';
  }
}
