/**
 * Where the projector is in a revealed draw's list of packages: the operator moves it (下一屏, 上一屏, 暂停, 继续, 到摘要),
 * the projector reads it with the ceremony state and says how many packages fit its window. Kept in memory: it is
 * presentation, not the draw's record; after a restart a revealed draw opens on its summary.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RevealMove, RevealPosition } from '@shared/domain/draws';
import { AppError } from '@shared/errors';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { ServiceContext } from '../app/context';
import { currentBody, currentDrawId, loadDrawRow, type ProofBody } from './views';

/** Packages a screen holds until a projector has measured its window. */
const DEFAULT_PER_SCREEN = 4;
/** While playing, a screen stays up this long, plus a moment per line, as the lines appear one by one. */
const READING_MS = 4000;
const LINE_MS = 280;

interface RevealMemory {
  drawId: number;
  view: 'list' | 'summary';
  screen: number;
  perScreen: number;
  paused: boolean;
  /** When the screen shown came up (ms), for playing on. */
  since: number;
}

export interface RevealDeps {
  raw: BetterSqlite3.Database;
  ctx: ServiceContext;
  /** Per task. */
  positions: Map<number, RevealMemory>;
}

const sizesOfBody = new WeakMap<ProofBody, number[]>();

/** Entities per package of the task's revealed (or sealed) draw; null before 揭晓. */
function revealedDraw(raw: BetterSqlite3.Database, taskId: number): { drawId: number; sizes: number[] } | null {
  const drawId = currentDrawId(raw, taskId);
  if (drawId === null) return null;
  const draw = loadDrawRow(raw, drawId);
  const body = draw.state === 'revealed' || draw.state === 'sealed' ? currentBody(raw, draw) : null;
  if (!body) return null;
  let sizes = sizesOfBody.get(body);
  if (!sizes) sizesOfBody.set(body, (sizes = body.result.packages.map((p) => p.entities.length)));
  return { drawId, sizes };
}

const screensOf = (sizes: number[], perScreen: number) => Math.max(1, Math.ceil(sizes.length / perScreen));

function readingTime(m: RevealMemory, sizes: number[]): number {
  const shown = sizes.slice((m.screen - 1) * m.perScreen, m.screen * m.perScreen);
  return READING_MS + LINE_MS * shown.reduce((lines, size) => lines + size + 2, 0);
}

/** Plays on to now: each screen read in turn, then the summary. */
function playOn(m: RevealMemory, sizes: number[], now: number): void {
  while (m.view === 'list' && !m.paused && now - m.since >= readingTime(m, sizes)) {
    m.since += readingTime(m, sizes);
    if (m.screen < screensOf(sizes, m.perScreen)) m.screen++;
    else Object.assign(m, { view: 'summary', paused: true });
  }
}

/** The task's position now, made on first sight (a draw revealed before a restart: its summary). */
function positionNow(deps: RevealDeps, taskId: number): { m: RevealMemory; sizes: number[] } | null {
  const drawn = revealedDraw(deps.raw, taskId);
  if (!drawn) return null;
  const now = deps.ctx.now().getTime();
  let m = deps.positions.get(taskId);
  if (!m || m.drawId !== drawn.drawId) {
    const perScreen = m?.perScreen ?? DEFAULT_PER_SCREEN;
    m = { drawId: drawn.drawId, view: 'summary', screen: 1, perScreen, paused: true, since: now };
    deps.positions.set(taskId, m);
  }
  playOn(m, drawn.sizes, now);
  return { m, sizes: drawn.sizes };
}

const viewOf = (m: RevealMemory, sizes: number[]): RevealPosition => ({
  drawId: m.drawId,
  view: m.view,
  screen: m.screen,
  screens: screensOf(sizes, m.perScreen),
  perScreen: m.perScreen,
  paused: m.paused,
});

/** 揭晓 done: the first screen, playing. */
export function startReveal(deps: RevealDeps, taskId: number, drawId: number): void {
  const perScreen = deps.positions.get(taskId)?.perScreen ?? DEFAULT_PER_SCREEN;
  const since = deps.ctx.now().getTime();
  deps.positions.set(taskId, { drawId, view: 'list', screen: 1, perScreen, paused: false, since });
}

export function revealPosition(deps: RevealDeps, taskId: number): RevealPosition | null {
  const at = positionNow(deps, taskId);
  return at && viewOf(at.m, at.sizes);
}

/** The position and the packages on its screen [first, first + count) — none while the summary is up. */
export function revealScreen(deps: RevealDeps, taskId: number) {
  const at = positionNow(deps, taskId);
  if (!at) return null;
  const first = (at.m.screen - 1) * at.m.perScreen;
  const count = at.m.view === 'list' ? at.m.perScreen : 0;
  return { position: viewOf(at.m, at.sizes), first, count, largestPackage: Math.max(0, ...at.sizes) };
}

function move(m: RevealMemory, to: RevealMove, screens: number): void {
  const list = m.view === 'list';
  if (to === 'next') {
    if (!list) Object.assign(m, { view: 'list', screen: 1 });
    else if (m.screen < screens) m.screen++;
    else Object.assign(m, { view: 'summary', paused: true });
  } else if (to === 'previous') {
    if (!list) Object.assign(m, { view: 'list', screen: screens });
    else m.screen = Math.max(1, m.screen - 1);
  } else if (to === 'pause') m.paused = true;
  else if (to === 'resume') Object.assign(m, list ? { paused: false } : { view: 'list', screen: 1, paused: false });
  else Object.assign(m, { view: 'summary', paused: true });
}

export function moveReveal(deps: RevealDeps, req: ParsedReq<'draws:reveal-move'>): RevealPosition {
  const at = positionNow(deps, req.taskId);
  if (!at) throw new AppError('draw.notRevealed', '本任务的抽取尚未揭晓，没有可以翻看的名单。');
  move(at.m, req.move, screensOf(at.sizes, at.m.perScreen));
  at.m.since = deps.ctx.now().getTime();
  return viewOf(at.m, at.sizes);
}

/** The projector measured its window: the screen shown keeps its first package. */
export function fitReveal(deps: RevealDeps, req: ParsedReq<'draws:reveal-fit'>): RevealPosition | null {
  const at = positionNow(deps, req.taskId);
  if (!at) return null;
  const first = (at.m.screen - 1) * at.m.perScreen;
  at.m.perScreen = req.perScreen;
  at.m.screen = Math.min(Math.floor(first / req.perScreen) + 1, screensOf(at.sizes, req.perScreen));
  return viewOf(at.m, at.sizes);
}
