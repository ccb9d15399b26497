import type { SettingsChannel } from '@shared/ipc/channels/settings';
import type { HandlersFor, Services } from './types';

export function settingsHandlers(s: Services): HandlersFor<SettingsChannel> {
  return {
    'settings:get': () => s.settings.get(),
    'settings:set': (req) => s.settings.set(req),
    'settings:offices': () => s.settings.offices(),
    'settings:office-add': (req) => s.settings.addOffice(req),
    'settings:office-remove': (req) => s.settings.removeOffice(req),
    'settings:getting-started': () => s.settings.gettingStarted(),
  };
}
