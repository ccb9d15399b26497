import type { HomeChannel } from '@shared/ipc/channels/home';
import type { HandlersFor, Services } from './types';

export function homeHandlers(s: Services): HandlersFor<HomeChannel> {
  return {
    'home:attention': () => s.home.attention(),
  };
}
