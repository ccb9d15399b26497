import type { DrawChannel } from '@shared/ipc/channels/draws';
import type { HandlersFor, Services } from './types';

export function drawHandlers(s: Services): HandlersFor<DrawChannel> {
  return {
    'draws:prepare': (req) => s.draws.prepare(req),
    'draws:commit': ({ supervisorPassword, ...req }) => {
      s.users.confirmOperator(req.operator);
      s.users.confirmSupervisor('承诺', req.supervisor, supervisorPassword);
      return s.draws.commit(req);
    },
    'draws:witness': (req) => s.draws.witness(req),
    'draws:witness-repeats': (req) => s.draws.witnessRepeats(req),
    'draws:reveal': (req) => s.draws.reveal(req),
    'draws:seal': async ({ drawId, supervisorPassword }) => {
      const supervisor = (await s.draws.get({ drawId, packagePage: 1, packagePageSize: 1 }))?.commit?.supervisor;
      s.users.confirmSupervisor('封存', supervisor ?? '', supervisorPassword);
      return s.draws.seal({ drawId });
    },
    'draws:void': (req) => s.draws.void(req),
    'draws:amend': (req) => s.draws.amend(req),
    'draws:get': (req) => s.draws.get(req),
    'draws:ceremony-state': (req) => s.draws.ceremonyState(req),
    'draws:reveal-position': (req) => s.draws.revealPosition(req),
    'draws:reveal-move': (req) => s.draws.moveReveal(req),
    'draws:reveal-fit': (req) => s.draws.fitReveal(req),
    'draws:export-proof': (req) => s.draws.exportProof(req),
    'draws:export-record': (req) => s.draws.exportRecord(req),
    'draws:export-list': (req) => s.draws.exportList(req),
    'ceremony:open': (req) => s.ceremony.open(req.taskId),
  };
}
