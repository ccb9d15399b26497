/**
 * Plausible results for the demo draw, entered through the same rules as a clerk's: about three in five drawn entities
 * inspected, one in seven of those with a problem ordered corrected, half of the entered ones reviewed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { chinaDate } from '@shared/domain/china-time';
import { prng } from '@shared/domain/prng';
import { FOLLOW_UPS, RESULT_CATEGORIES, type ResultEntry, type ResultRowEntry } from '@shared/domain/results';
import { sheetRows, type EntitySheet, type SheetPackage } from '@shared/domain/sheets';
import type { ServiceContext } from '../app/context';
import { saveEntry } from '../results/entry';
import { review } from '../results/review';
import { loadSheets } from '../sheets/load';

export interface DemoResults {
  entered: number;
  reviewed: number;
  withProblems: number;
}

const DAY_MS = 86_400_000;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A day of the task window no later than today (the window's first day when it has not begun). */
function inspectionDay(sheet: EntitySheet, today: string, random: () => number): string {
  const last = today < sheet.endDate ? today : sheet.endDate;
  if (last <= sheet.startDate) return sheet.startDate;
  const span = (Date.parse(last) - Date.parse(sheet.startDate)) / DAY_MS;
  return addDays(sheet.startDate, Math.floor(random() * (span + 1)));
}

function demoEntry(sheet: EntitySheet, pkg: SheetPackage, day: string, problem: boolean): ResultEntry {
  const rows: ResultRowEntry[] = sheetRows(sheet).map((row, i) => ({
    subItemId: row.subItemId,
    outcome: problem && i === 0 ? '不符合' : '符合',
    finding: problem && i === 0 ? `${row.content}不符合要求，已当场指出` : '',
  }));
  return {
    inspectedOn: day,
    inspectorIds: pkg.team.map((m) => m.id),
    methods: ['实地检查'],
    rows,
    categories: [problem ? RESULT_CATEGORIES[7] : RESULT_CATEGORIES[0]],
    followUps: [problem ? FOLLOW_UPS[2] : FOLLOW_UPS[0]],
    followUpOther: '',
    correctionDeadline: problem ? addDays(day, 15) : null,
    endState: null,
    note: '',
  };
}

export function enterDemoResults(
  raw: BetterSqlite3.Database,
  ctx: ServiceContext,
  drawId: number,
  seed = 20261203,
): DemoResults {
  const random = prng(seed);
  const today = chinaDate(ctx.now());
  const entered: number[] = [];
  let withProblems = 0;
  for (const pkg of loadSheets(raw, drawId).packages) {
    for (const sheet of pkg.entities) {
      if (random() >= 0.6) continue;
      const problem = random() < 1 / 7;
      const entry = demoEntry(sheet, pkg, inspectionDay(sheet, today, random), problem);
      const taskIds = sheet.tasks.map((t) => t.id);
      entered.push(...saveEntry(raw, ctx, { drawId, entityId: sheet.entityId, taskIds, entry }).resultIds);
      if (problem) withProblems++;
    }
  }
  const toReview = entered.slice(0, Math.floor(entered.length / 2));
  if (toReview.length > 0) review(raw, ctx, toReview, 'approve');
  return { entered: entered.length, reviewed: toReview.length, withProblems };
}
