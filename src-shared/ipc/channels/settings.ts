import type { Settings } from '../../domain/settings';

export const SETTINGS_CHANNELS = ['settings:get', 'settings:set'] as const;
export type SettingsChannel = (typeof SETTINGS_CHANNELS)[number];

export interface SettingsResponses {
  'settings:get': Settings;
  'settings:set': Settings;
}
