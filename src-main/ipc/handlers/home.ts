import type { HomeChannel } from '@shared/ipc/channels/home';
import type { HandlersFor, Services } from './types';

export type HomeHandlers = HandlersFor<HomeChannel>;

export function homeHandlers(s: Services): HomeHandlers {
  return {
    'home:attention': () => s.home.attention(),
  };
}
