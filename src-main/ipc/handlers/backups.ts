import type { BackupChannel } from '@shared/ipc/channels/backups';
import type { HandlersFor, Services } from './types';

export function backupHandlers(s: Services): HandlersFor<BackupChannel> {
  return {
    'backups:overview': () => s.backups.overview(),
    'backups:set-keep-days': (req) => s.backups.setKeepDays(req),
    'backups:create': () => s.backups.create(),
    'backups:choose-restore': () => s.backups.chooseRestore(),
    'backups:restore': (req) => s.backups.restore(req),
    'backups:export-package': () => s.backups.exportPackage(),
    'backups:choose-package': () => s.backups.choosePackage(),
    'backups:import-package': (req) => s.backups.importPackage(req),
  };
}
