import { INSPECTOR_SCOPE_KINDS } from '@shared/domain/tasks';
import type { TaskOptions } from './useTaskOptions';

export const SCOPE_KIND_TEXT: Record<(typeof INSPECTOR_SCOPE_KINDS)[number], string> = {
  全局: '全局内随机',
  局机关与所: '局机关与市场监管所随机',
  若干所: '若干所内随机',
  单一所: '单一所内随机',
};

export const list = (values: string[]) => values.map((v) => ({ value: v, label: v }));

/** The scope's list filters: which roster values each offers and what choosing them does. */
export const scopeLists = (options: TaskOptions) =>
  [
    {
      field: 'industries',
      label: '行业（业态）',
      values: options.industries,
      extra: '只抽取所选行业的对象，例如检查食品经营者选“餐饮服务”“食品销售”。',
    },
    { field: 'areas', label: '所属片区', values: options.areas, extra: '只抽取所选片区内的对象。' },
    { field: 'offices', label: '管辖单位', values: options.stations, extra: '只抽取由所选市场监管所监管的对象。' },
    {
      field: 'tags',
      label: '对象标签',
      values: options.entityTags,
      extra: '只抽取带有任一所选标签的对象（例如“学校周边”“冷链”）。',
    },
  ] as const;
