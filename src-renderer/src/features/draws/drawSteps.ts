import type { DrawView } from '@shared/domain/draws';

export const STEP_ITEMS = [
  { title: '准备', content: '冻结名单，检查可行性' },
  { title: '承诺', content: '生成随机数，公布承诺值' },
  { title: '见证', content: '见证人依次报出见证值' },
  { title: '揭晓', content: '计算种子，抽取对象和人员' },
  { title: '封存', content: '保存证明，不可更改' },
];

export function stepOf(draw: DrawView | null): { current: number; status: 'process' | 'finish' | 'error' } {
  if (!draw) return { current: 0, status: 'process' };
  switch (draw.state) {
    case 'prepared':
      return { current: 1, status: 'process' };
    case 'committed':
      return { current: 2, status: 'process' };
    case 'revealed':
      return { current: 4, status: 'process' };
    case 'sealed':
      return { current: 4, status: 'finish' };
    case 'voided':
      return { current: draw.reveal ? 4 : draw.commit ? 2 : 1, status: 'error' };
  }
}

export type LongStep = 'prepare' | 'reveal' | 'seal';
export const LONG_STEP_LABEL: Record<LongStep, string> = { prepare: '准备', reveal: '揭晓', seal: '封存' };
