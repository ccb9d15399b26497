import type { BureauOffice, GettingStartedStep, SettingsView } from '../../domain/settings';

export const SETTINGS_CHANNELS = [
  'settings:get',
  'settings:set',
  'settings:offices',
  'settings:office-add',
  'settings:office-remove',
  'settings:getting-started',
] as const;
export type SettingsChannel = (typeof SETTINGS_CHANNELS)[number];

export interface SettingsResponses {
  'settings:get': SettingsView;
  /** Also renames the draft tasks when 机关名称 or 机关简称 changes (published and drawn ones keep theirs). */
  'settings:set': SettingsView;
  /** The bureau's 科室 and 市场监管所, by kind then name. */
  'settings:offices': BureauOffice[];
  'settings:office-add': BureauOffice[];
  'settings:office-remove': BureauOffice[];
  /** 开始使用: 机关信息 → 检查事项清单 → 两库 → 年度抽查计划 → 随机抽取, in order. */
  'settings:getting-started': GettingStartedStep[];
}

export type SettingsErrorCode = 'settings.bureauNotSet' | 'settings.officeExists' | 'settings.officeInUse';
