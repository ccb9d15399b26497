/**
 * The sheets' pages drawn straight onto pdfkit (as documents/list-pages.ts draws its lists): every cell is broken into
 * lines and measured here, pages are cut by arithmetic, and each page is drawn and flushed before the next, so a
 * thousand sheets take seconds and memory stays flat. Blocks never split; a table's header row repeats on a new page.
 */
import { unicodeName, wrapText, type FontWeight } from '../documents/fonts';
import { lineBox } from '../documents/list-pages';
import type { DocText } from '../documents/pdf';

/** A4 portrait in points, and the margins. */
export const PAGE = { width: 595.28, height: 841.89, left: 40, right: 40, top: 36, bottom: 48 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BODY_SIZE = 9;
export const LINE_SPACING = 1.3;
export const PAD_X = 4;
const PAD_Y = 3.5;

export type Align = 'left' | 'center' | 'right';

/** A piece of text (or an empty bordered box) at `x` within its block, `w` wide. */
export interface Cell {
  x: number;
  w: number;
  lines: string[];
  face: FontWeight;
  size: number;
  align: Align;
  /** Set at this offset from the block's top; centred vertically when absent. */
  dy?: number;
  fill?: string;
  border: boolean;
}

/** A horizontal band of the page: one table row, a heading, a paragraph. */
export interface Block {
  height: number;
  /** Space above it, dropped at the top of a page. */
  gap: number;
  cells: Cell[];
  /** Never ends a page: it moves to the next page with the block after it. */
  keepWithNext?: boolean;
  /** The table's header row, repeated above this block when it starts a page. */
  header?: Block;
}

export function textHeight(lineCount: number, size: number): number {
  return (Math.max(1, lineCount) - 1) * size * LINE_SPACING + size * lineBox();
}

export interface CellSpec {
  text?: string;
  /** Lines already broken (option lists). */
  lines?: string[];
  bold?: boolean;
  size?: number;
  align?: Align;
  fill?: string;
  border?: boolean;
  dy?: number;
}

/**
 * Texts already broken into lines, by face, size and width: the items' rows and the labels repeat on every sheet of
 * a task. Bounded: cleared when full.
 */
const broken = new Map<string, string[]>();
function remember(key: string, lines: string[]): void {
  if (broken.size >= 20_000) broken.clear();
  broken.set(key, lines);
}

/** Builds the blocks of one document part; `dt` makes each text printable and notes characters no face has. */
export class Blocks {
  readonly list: Block[] = [];

  constructor(readonly dt: DocText) {}

  cell(x: number, w: number, spec: CellSpec): Cell {
    const size = spec.size ?? BODY_SIZE;
    const wanted: FontWeight = spec.bold ? 'bold' : 'regular';
    const border = spec.border ?? true;
    const inner = border ? w - 2 * PAD_X : w;
    let face: FontWeight = wanted;
    const lines = (spec.lines ?? [spec.text ?? '']).flatMap((raw) => {
      if (spec.lines) {
        const p = this.dt.printable(raw, wanted);
        if (p.face !== wanted) face = p.face;
        return [p.text];
      }
      const key = `${wanted}|${size}|${inner}|${raw}`;
      const known = broken.get(key);
      if (known) return known;
      const p = this.dt.printable(raw, wanted);
      if (p.face !== wanted) face = p.face;
      const out = wrapText(p.text, p.face, size, inner - 0.5);
      // Only text every character of which the face has: the rest must note its missing characters each time.
      if (p.text === raw && p.face === wanted) remember(key, out);
      return out;
    });
    return { x, w, lines, face, size, align: spec.align ?? 'left', dy: spec.dy, fill: spec.fill, border };
  }

  /** A table row: `widths` of the columns, each spec spanning `span` of them. */
  row(widths: readonly number[], specs: (CellSpec & { span?: number })[], extra: Partial<Block> = {}): Block {
    let col = 0;
    let x = 0;
    const cells = specs.map((s) => {
      const span = s.span ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const c = this.cell(x, w, s);
      col += span;
      x += w;
      return c;
    });
    const height = Math.max(...cells.map((c) => textHeight(c.lines.length, c.size))) + 2 * PAD_Y;
    return this.push({ height, gap: 0, cells, ...extra });
  }

  /** Text across the page without a border. */
  para(text: string, spec: CellSpec & { gap?: number; indent?: number } = {}): Block {
    const indent = spec.indent ?? 0;
    const c = this.cell(indent, CONTENT_WIDTH - indent, { border: false, ...spec, text });
    return this.push({ height: textHeight(c.lines.length, c.size), gap: spec.gap ?? 0, cells: [c] });
  }

  push(block: Block): Block {
    this.list.push(block);
    return block;
  }

  /** A closing note naming the characters printed as 〔U+XXXX〕, when there were any. */
  glyphNote(): void {
    const missing = this.dt.report.missing;
    if (missing.size === 0) return;
    const list = [...missing].map((ch) => unicodeName(ch.codePointAt(0)!)).join('、');
    this.para(`注：本表中 ${list} 等字超出程序内置字库，以〔U+编码〕代替，原字以系统中的数据为准。`, {
      size: 8.5,
      gap: 8,
    });
  }
}

export interface Placed {
  block: Block;
  y: number;
}

/** What a block needs on its page: itself and every block it keeps with. */
function needed(blocks: readonly Block[], i: number): number {
  let h = blocks[i].height;
  for (let j = i; blocks[j].keepWithNext && j + 1 < blocks.length; j++) h += blocks[j + 1].gap + blocks[j + 1].height;
  return h;
}

/** The blocks cut into pages: a block that does not fit starts the next page, after its table's header. */
export function paginate(blocks: readonly Block[]): Placed[][] {
  const bottom = PAGE.height - PAGE.bottom;
  const pages: Placed[][] = [];
  let page: Placed[] = [];
  let y = PAGE.top;
  blocks.forEach((block, i) => {
    if (page.length && y + block.gap + needed(blocks, i) > bottom) {
      pages.push(page);
      page = [];
      y = PAGE.top;
      if (block.header) {
        page.push({ block: block.header, y });
        y += block.header.height;
      }
    } else if (page.length) y += block.gap;
    page.push({ block, y });
    y += block.height;
  });
  if (page.length) pages.push(page);
  return pages;
}
