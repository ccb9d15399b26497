/**
 * 公示期: a result with 责令改正 stays published until its 整改完成 date (the follow-up's closed_on) plus the
 * correction months (004 §九: 6), an open one stays; any other result for the settings' months from its first
 * publication.
 */
import type { DisclosureSettings } from '@shared/domain/disclosure';
import { FOLLOW_UPS, RESULT_CATEGORIES } from '@shared/domain/results';

const CORRECTION_CATEGORY: string = RESULT_CATEGORIES[7];
const CORRECTION_FOLLOW_UP: string = FOLLOW_UPS[2];

/** The result's categories and follow-ups (JSON arrays as stored) ask for 责令改正. */
export function isCorrection(categories: string, followUps: string): boolean {
  const c = JSON.parse(categories) as string[];
  const f = JSON.parse(followUps) as string[];
  return c.includes(CORRECTION_CATEGORY) || f.includes(CORRECTION_FOLLOW_UP);
}

/** "2026-08-31" + 6 months → "2027-02-28" (the last day of a shorter month). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface PeriodFacts {
  correction: boolean;
  /** The follow-up's 整改完成 date, null while it is open. */
  closedOn: string | null;
  /** The China date of the result's first publication, null before it. */
  firstPublished: string | null;
}

export interface Period {
  basis: '责令改正' | '一般';
  since: string;
  until: string;
}

/** The result's 公示期, or null while it has no end yet (never published, or its correction still open). */
export function periodOf(facts: PeriodFacts, settings: DisclosureSettings): Period | null {
  if (facts.correction) {
    if (!facts.closedOn) return null;
    return {
      basis: '责令改正',
      since: facts.closedOn,
      until: addMonths(facts.closedOn, settings.correctionMonths),
    };
  }
  if (!facts.firstPublished) return null;
  return { basis: '一般', since: facts.firstPublished, until: addMonths(facts.firstPublished, settings.periodMonths) };
}

/** Past its last day: leave the result out of every later announcement. */
export function expired(period: Period | null, today: string): boolean {
  return period !== null && period.until < today;
}
