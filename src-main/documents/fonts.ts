import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The fonts of every printed PDF, found in one place for app, dev, CLI, benchmarks and tests: committed OFL subsets of
 * Noto Sans CJK SC, as offline Windows machines have no CJK font to rely on. Bold lacks rare hanzi and falls back to
 * Regular run by run; a character missing from Regular too prints as 〔U+XXXXX〕, never as a box.
 */

export const FONT_FILES = {
  regular: 'NotoSansCJKsc-Regular.subset.otf',
  bold: 'NotoSansCJKsc-Bold.subset.otf',
  mono: 'NotoSansMonoCJKsc-Regular.ascii.otf',
} as const;

/**
 * The folder holding fonts/ and verify.html: `SSJ_RESOURCES` when set (a bureau's copy, tests), else the packaged app's
 * `process.resourcesPath` (electron-builder `extraResources`), else the first `resources/` above this file (dev, CLI,
 * tests, benchmarks).
 */
export function resourcesDir(): string {
  const probe = (dir: string) => existsSync(join(dir, 'fonts', FONT_FILES.regular));
  const env = process.env.SSJ_RESOURCES;
  if (env) {
    if (!probe(env)) throw new Error(`SSJ_RESOURCES=${env} 中没有 fonts/${FONT_FILES.regular}`);
    return env;
  }
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && probe(packaged)) return packaged;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (probe(join(dir, 'resources'))) return join(dir, 'resources');
    if (dirname(dir) === dir) break;
  }
  const cwd = join(process.cwd(), 'resources');
  if (probe(cwd)) return cwd;
  throw new Error(`找不到打印字体 fonts/${FONT_FILES.regular}（程序安装不完整？）`);
}

export type FontWeight = keyof typeof FONT_FILES;

export interface LoadedFonts {
  files: Record<FontWeight, Buffer>;
  faces: Record<FontWeight, fontkit.Font>;
  /** Code points each face can draw. */
  coverage: Record<FontWeight, Set<number>>;
}

let loaded: LoadedFonts | null = null;

/** Reads the three font files once per process and their character sets. */
export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const dir = join(resourcesDir(), 'fonts');
  const files = {} as Record<FontWeight, Buffer>;
  const coverage = {} as Record<FontWeight, Set<number>>;
  const faces = {} as Record<FontWeight, fontkit.Font>;
  for (const weight of Object.keys(FONT_FILES) as FontWeight[]) {
    const buf = readFileSync(join(dir, FONT_FILES[weight]));
    files[weight] = buf;
    const font = fontkit.create(buf);
    if (!('characterSet' in font)) throw new Error(`${FONT_FILES[weight]} 不是单个字体`);
    faces[weight] = font;
    coverage[weight] = new Set(font.characterSet);
  }
  loaded = { files, faces, coverage };
  return loaded;
}

/** A piece of text for pdfmake: the text itself, or inline runs when some characters need another face. */
export type Runs = string | { text: string; bold?: boolean }[];

/** What `runs()` had to do, so a document can add a note when a character could not be printed. */
export interface GlyphReport {
  /** Characters no bundled face has (printed as 〔U+XXXX〕). */
  missing: Set<string>;
}

/** "U+4E00", "U+2A6D6". */
export const unicodeName = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

const isPlain = (cp: number) => cp === 0x0a || cp === 0x0d || cp === 0x09;

/** Whether a face (its coverage set) draws every character of `text`; line breaks and tabs need no glyph. */
export function covers(face: ReadonlySet<number>, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!face.has(cp) && !isPlain(cp)) return false;
  }
  return true;
}

/** `text` for the Regular face: each character it lacks written as 〔U+XXXX〕 and recorded in `report`. */
export function inRegular(text: string, report: GlyphReport): string {
  const { regular } = loadFonts().coverage;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (regular.has(cp) || isPlain(cp)) out += ch;
    else {
      out += `〔${unicodeName(cp)}〕`;
      report.missing.add(ch);
    }
  }
  return out;
}

/**
 * Splits `text` so every character is drawn by a face that has it: bold text falls back to Regular character by
 * character; a character no face has becomes 〔U+XXXX〕 (in Regular) and is recorded in `report`.
 * Returns the string unchanged in the common case (no allocation: 50,000 rows stay cheap).
 */
export function runs(text: string, bold: boolean, report: GlyphReport): Runs {
  const { coverage } = loadFonts();
  const primary = bold ? coverage.bold : coverage.regular;
  if (covers(primary, text)) return text;
  // Two kinds of run: the primary face, or Regular (a bold character it lacks, or the 〔U+XXXX〕 of a missing one).
  const out: { text: string; bold?: boolean }[] = [];
  let buf = '';
  let inPrimary = true;
  const flush = () => {
    if (buf) out.push(inPrimary ? { text: buf } : { text: buf, bold: false });
    buf = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const here = primary.has(cp) || isPlain(cp);
    if (here !== inPrimary) flush();
    inPrimary = here;
    buf += here ? ch : inRegular(ch, report);
  }
  flush();
  return out;
}

const advanceCache: Record<FontWeight, Map<number, number>> = { regular: new Map(), bold: new Map(), mono: new Map() };

/** Advance width of one code point in em (the subsets have no kerning or other positioning features). */
function advance(weight: FontWeight, cp: number): number {
  const cache = advanceCache[weight];
  let w = cache.get(cp);
  if (w === undefined) {
    const face = loadFonts().faces[weight];
    w = face.glyphForCodePoint(cp).advanceWidth / face.unitsPerEm;
    cache.set(cp, w);
  }
  return w;
}

/** Width of `text` in points, as pdfkit measures it (sum of advance widths; no character spacing). */
export function textWidth(text: string, weight: FontWeight, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += advance(weight, ch.codePointAt(0)!);
  return w * fontSize;
}

// Line-breaking rules (a small part of GB/T 15834 and JIS X 4051 kinsoku): closing marks never start a line,
// opening marks never end one, and a run of Latin letters or digits ("106号", "ZF3717001") is not split unless it
// is wider than the line.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕”’…·%,.;:!?)]}']);
const NO_LINE_END = new Set([...'（《「『【〔“‘([{']);
const WORD = /[A-Za-z0-9\-_.@#&/+]/;

function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of paragraph) {
    if (WORD.test(ch)) {
      word += ch;
      continue;
    }
    if (word) out.push(word);
    word = '';
    out.push(ch);
  }
  if (word) out.push(word);
  return out;
}

/**
 * Breaks `text` into lines no wider than `width` points in the given face: what pdfmake would do, done once here so
 * pdfmake can set each line as ONE piece (`noWrap`) instead of one piece per CJK character — the difference between
 * minutes and seconds, and gigabytes and megabytes, for a list of 50,000 entities.
 */
export function wrapText(text: string, weight: FontWeight, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: string[] = [];
    let lineWidth = 0;
    const push = () => {
      lines.push(line.join('').trimEnd());
      line = [];
      lineWidth = 0;
    };
    for (const tok of tokens(paragraph)) {
      const w = textWidth(tok, weight, fontSize);
      if (lineWidth + w <= width || (line.length === 0 && tok === ' ')) {
        if (line.length === 0 && tok === ' ') continue;
        line.push(tok);
        lineWidth += w;
        continue;
      }
      if (tok === ' ') {
        push();
        continue;
      }
      // The token goes to a new line; take along what may not end a line, or the character a closing mark follows.
      const carry: string[] = [];
      if (NO_LINE_START.has(tok) && line.length > 1) carry.unshift(line.pop()!);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1])) carry.unshift(line.pop()!);
      if (line.length) push();
      for (const c of carry) {
        line.push(c);
        lineWidth += textWidth(c, weight, fontSize);
      }
      if (lineWidth + w <= width) {
        line.push(tok);
        lineWidth += w;
        continue;
      }
      // A word wider than the line: split it character by character.
      for (const ch of tok) {
        const cw = textWidth(ch, weight, fontSize);
        if (lineWidth + cw > width && line.length) push();
        line.push(ch);
        lineWidth += cw;
      }
    }
    push();
  }
  return lines;
}
