import type { PlanChannel } from '@shared/ipc/channels/plans';
import type { HandlersFor, Services } from './types';

export function planHandlers(s: Services): HandlersFor<PlanChannel> {
  return {
    'plans:list': (req) => s.plans.list(req.year),
    'plans:get': (req) => s.plans.get(req.id),
    'plans:save': (req) => s.plans.save(req),
    'plans:publish': (req) => s.plans.publish(req.id),
    'plans:delete': (req) => s.plans.delete(req.id),
    'plans:versions': (req) => s.plans.versions(req.id),
    'plans:export': (req) => s.plans.exportPlan(req),
    'tasks:list': (req) => s.tasks.list(req.planId),
    'tasks:get': (req) => s.tasks.get(req.id),
    'tasks:save': (req) => s.tasks.save(req),
    'tasks:delete': (req) => s.tasks.delete(req.id),
    'tasks:scope-preview': (req) => s.tasks.scopePreview(req),
  };
}
