import type { UserChannel } from '@shared/ipc/channels/users';
import type { HandlersFor, Services } from './types';

export function userHandlers(s: Services): HandlersFor<UserChannel> {
  return {
    'users:session': () => s.users.session(),
    'users:sign-in': (req) => s.users.signIn(req),
    'users:sign-out': () => s.users.signOut(),
    'users:change-password': (req) => s.users.changePassword(req),
    'users:list': () => s.users.list(),
    'users:create': (req) => s.users.create(req),
    'users:reset-password': (req) => s.users.resetPassword(req),
    'users:set-role': (req) => s.users.setRole(req),
    'users:disable': (req) => s.users.disable(req),
    'users:enable': (req) => s.users.enable(req),
    'users:delete': (req) => s.users.remove(req),
  };
}
