import type { JointVisitView, VisitProposals } from '../../domain/draws';

export const VISIT_CHANNELS = ['visits:proposals', 'visits:merge'] as const;
export type VisitChannel = (typeof VISIT_CHANNELS)[number];

export interface VisitResponses {
  'visits:proposals': VisitProposals;
  'visits:merge': JointVisitView;
}

export type VisitErrorCode =
  'visit.alreadyMerged' | 'visit.noOverlap' | 'visit.notDrawn' | 'visit.sameDepartment' | 'visit.tooFew';
