import { loadFonts, textWidth, wrapText, type FontWeight } from './fonts';
import type { DocText } from './pdf';

/**
 * Long lists drawn straight onto pdfkit after pdfmake's pages, since pdfmake lays a whole document out in memory first
 * (docs/performance.md): rows are measured, paginated by arithmetic and flushed page by page. Each page repeats the
 * group's heading (〔续〕) and column header; a heading never ends a page without a row, a row never splits.
 */

export interface ListColumn {
  header: string;
  /** Cell width in points including padding; exactly one column may be '*' (the rest of the page width). */
  width: number | '*';
  face: 'regular' | 'mono';
  fontSize: number;
  align?: 'left' | 'center';
}

/** A cell: text to break into lines, or lines already broken (a grouped hash). */
export type ListCell = string | string[];

export interface ListGroup {
  heading: string;
  rows: ListCell[][];
}

export interface ListSpec {
  /** Printed once, centred above the first group. */
  title: string;
  /** Small grey line at the top right of every page. */
  pageHeader: string;
  columns: ListColumn[];
  groups: ListGroup[];
  /** A line across the table after the last group (e.g. 以下空白), on the last page. */
  end?: string;
}

/** Landscape A4. */
const PAGE = { width: 841.89, height: 595.28, marginX: 48, top: 48, bottom: 48 };
const PAD_X = 3;
const PAD_Y = 2.5;
const LINE = 0.4;
const HEADING_SIZE = 8;
const TITLE_SIZE = 13;
const GROUP_GAP = 6;
const LINE_SPACING = 1.25;

interface Block {
  /** One face per cell. */
  faces: FontWeight[];
  sizes: number[];
  lines: string[][];
  height: number;
  fill?: string;
  /** Cells spanning the whole width (a heading). */
  span?: boolean;
  align: ('left' | 'center')[];
}

interface PageItem {
  block: Block;
  y: number;
}

export interface ListLayout {
  spec: ListSpec;
  widths: number[];
  pages: { title?: { y: number }; items: PageItem[] }[];
}

let boxCache: number | null = null;
/** Height of a line's glyph box in em (ascent − descent), the same for the three faces (all Noto Sans CJK). */
export function lineBox(): number {
  if (boxCache === null) {
    const f = loadFonts().faces.regular;
    boxCache = (f.ascent - f.descent) / f.unitsPerEm;
  }
  return boxCache;
}

function textHeight(lineCount: number, size: number): number {
  return (Math.max(1, lineCount) - 1) * size * LINE_SPACING + size * lineBox();
}

function blockHeight(lines: string[][], sizes: number[]): number {
  let h = 0;
  lines.forEach((ls, i) => {
    h = Math.max(h, textHeight(ls.length, sizes[i]));
  });
  return h + 2 * PAD_Y;
}

function columnWidths(columns: ListColumn[]): number[] {
  const content = PAGE.width - 2 * PAGE.marginX;
  const fixed = columns.reduce((s, c) => s + (c.width === '*' ? 0 : c.width), 0);
  return columns.map((c) => (c.width === '*' ? content - fixed : c.width));
}

interface BlockMakers {
  heading: (text: string) => Block;
  header: Block;
  row: (cells: ListCell[]) => Block;
}

/** The blocks of a list: a group's heading, the column header, a row; `dt` makes each text printable. */
function blockMakers(spec: ListSpec, dt: DocText, widths: number[]): BlockMakers {
  const fullWidth = widths.reduce((s, w) => s + w, 0);
  const heading = (text: string): Block => {
    const p = dt.printable(text, 'bold');
    const lines = [wrapText(p.text, p.face, HEADING_SIZE, fullWidth - 2 * PAD_X)];
    const height = blockHeight(lines, [HEADING_SIZE]);
    return { faces: [p.face], sizes: [HEADING_SIZE], lines, height, fill: '#e8e8e8', span: true, align: ['left'] };
  };
  const headerFaces: FontWeight[] = [];
  const headerLines = spec.columns.map((c, i) => {
    const p = dt.printable(c.header, 'bold');
    headerFaces.push(p.face);
    return wrapText(p.text, p.face, HEADING_SIZE, widths[i] - 2 * PAD_X);
  });
  const headerSizes = spec.columns.map(() => HEADING_SIZE);
  const header: Block = {
    faces: headerFaces,
    sizes: headerSizes,
    lines: headerLines,
    height: blockHeight(headerLines, headerSizes),
    fill: '#f2f2f2',
    align: spec.columns.map(() => 'center'),
  };
  const sizes = spec.columns.map((c) => c.fontSize);
  const align = spec.columns.map((c) => c.align ?? 'left');
  const row = (cells: ListCell[]): Block => {
    const faces: FontWeight[] = [];
    const lines = cells.map((cell, i) => {
      const col = spec.columns[i];
      if (Array.isArray(cell)) {
        const ps = cell.map((l) => dt.printable(l, col.face));
        faces.push(ps.every((p) => p.face === col.face) ? col.face : 'regular');
        return ps.map((p) => p.text);
      }
      const p = dt.printable(cell, col.face);
      faces.push(p.face);
      return wrapText(p.text, p.face, col.fontSize, widths[i] - 2 * PAD_X);
    });
    return { faces, sizes, lines, height: blockHeight(lines, sizes), align };
  };
  return { heading, header, row };
}

/** Measures, breaks and paginates the list; `dt` turns each text into printable text and notes missing characters. */
export function layoutList(spec: ListSpec, dt: DocText): ListLayout {
  const widths = columnWidths(spec.columns);
  const bottom = PAGE.height - PAGE.bottom;
  const blocks = blockMakers(spec, dt, widths);

  const pages: ListLayout['pages'] = [];
  let page: ListLayout['pages'][number] = { title: { y: PAGE.top }, items: [] };
  let pageTop = PAGE.top + TITLE_SIZE * lineBox() + 8;
  let y = pageTop;
  const place = (block: Block) => {
    page.items.push({ block, y });
    y += block.height;
  };
  const newPage = () => {
    pages.push(page);
    page = { items: [] };
    y = pageTop = PAGE.top;
  };

  for (const group of spec.groups) {
    const heading = blocks.heading(group.heading);
    let started = false;
    const start = (rowHeight: number) => {
      if (y + heading.height + blocks.header.height + rowHeight > bottom && y > pageTop) newPage();
      place(heading);
      place(blocks.header);
      started = true;
    };
    for (const cells of group.rows) {
      const row = blocks.row(cells);
      if (!started) start(row.height);
      else if (y + row.height > bottom) {
        newPage();
        place(blocks.heading(`${group.heading}〔续〕`));
        place(blocks.header);
      }
      place(row);
    }
    if (!started) start(0);
    y += GROUP_GAP;
  }
  if (spec.groups.length === 0) place({ ...blocks.heading('无'), fill: undefined });
  if (spec.end) {
    const end: Block = { ...blocks.heading(spec.end), fill: undefined, align: ['center'] };
    if (y + end.height > bottom && y > pageTop) newPage();
    place(end);
  }
  pages.push(page);
  return { spec, widths, pages };
}

/** The subset of pdfkit's document this file draws with. */
export interface PdfKitDoc {
  addPage(options: {
    size: [number, number];
    margins: { top: number; bottom: number; left: number; right: number };
  }): PdfKitDoc;
  font(src: string | Buffer): PdfKitDoc;
  fontSize(size: number): PdfKitDoc;
  fillColor(color: string): PdfKitDoc;
  strokeColor(color: string): PdfKitDoc;
  lineWidth(w: number): PdfKitDoc;
  text(text: string, x: number, y: number, options: { lineBreak: false }): PdfKitDoc;
  rect(x: number, y: number, w: number, h: number): PdfKitDoc;
  fill(color?: string): PdfKitDoc;
  moveTo(x: number, y: number): PdfKitDoc;
  lineTo(x: number, y: number): PdfKitDoc;
  stroke(): PdfKitDoc;
}

/** The parts of pdfkit's EmbeddedFont touched below (guarded: a pdfkit without them just runs its own code). */
export interface EmbeddedFontInternals {
  layoutCache?: object | null;
  scale?: number;
  font?: { glyphsForString?: (text: string) => { advanceWidth: number }[] };
  layoutRun?: (text: string, features?: unknown) => unknown;
}

/**
 * Our subsets carry no layout features (scripts/subset-fonts.py), so fontkit's shaper only maps characters to glyphs,
 * which glyphsForString does far faster (docs/performance.md) with the same glyphs and positions (the tests read the
 * text back). Used only on the list's pages, and only when pdfkit still has the shape assumed here.
 */
export function useCmapLayout(font: EmbeddedFontInternals): void {
  const inner = font.font;
  const scale = font.scale;
  if (typeof font.layoutRun !== 'function' || typeof inner?.glyphsForString !== 'function' || typeof scale !== 'number')
    return;
  const shaped = font.layoutRun;
  font.layoutRun = (text: string, features?: unknown) => {
    if (features) return shaped.call(font, text, features);
    const glyphs = inner.glyphsForString!(text);
    let advanceWidth = 0;
    const positions = glyphs.map((g) => {
      const w = g.advanceWidth * scale;
      advanceWidth += w;
      return { xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w };
    });
    return { glyphs, positions, advanceWidth };
  };
}

/**
 * Opens each face once from its bytes — pdfkit recognises a font pdfmake already embedded and reuses it (each font
 * embedded once) — and returns the PostScript names to select them by (pdfkit caches those) and their layout caches.
 */
export function openFaces(doc: PdfKitDoc): { names: Record<FontWeight, string>; caches: EmbeddedFontInternals[] } {
  const { files, faces } = loadFonts();
  const names = {} as Record<FontWeight, string>;
  const caches: EmbeddedFontInternals[] = [];
  for (const face of Object.keys(files) as FontWeight[]) {
    names[face] = faces[face].postscriptName;
    // From the bytes (never a name pdfkit might look up as a file); pdfkit then finds the font it already embedded.
    doc.font(files[face]);
    const font = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
    if (font) {
      caches.push(font);
      useCmapLayout(font);
    }
  }
  return { names, caches };
}

/** Selects face and size only when they change (pdfkit's font switch is not free); `reset` at every new page. */
export function fontSetter(doc: PdfKitDoc, names: Record<FontWeight, string>) {
  let current: FontWeight | null = null;
  let currentSize = 0;
  return {
    set(face: FontWeight, size: number) {
      if (face !== current) doc.font(names[face]);
      if (size !== currentSize) doc.fontSize(size);
      current = face;
      currentSize = size;
    },
    reset() {
      current = null;
      currentSize = 0;
    },
  };
}

export type FontSetter = ReturnType<typeof fontSetter>;

/** The page's header line, its number, and the list's title on the first page. */
function drawPageFrame(
  doc: PdfKitDoc,
  font: FontSetter,
  layout: ListLayout,
  pageNo: string,
  dt: DocText,
  titleY: number | undefined,
) {
  const centred = (text: string, face: FontWeight, size: number, y: number) => {
    font.set(face, size);
    doc.fillColor('#000000').text(text, (PAGE.width - textWidth(text, face, size)) / 2, y, { lineBreak: false });
  };
  const header = dt.printable(layout.spec.pageHeader, 'regular');
  font.set(header.face, 8);
  doc
    .fillColor('#555555')
    .text(header.text, PAGE.width - PAGE.marginX - textWidth(header.text, header.face, 8), 24, { lineBreak: false });
  centred(pageNo, 'regular', 9, PAGE.height - PAGE.bottom + 16);
  if (titleY !== undefined) {
    const t = dt.printable(layout.spec.title, 'bold');
    centred(t.text, t.face, TITLE_SIZE, titleY);
  }
}

/** Fills first, then every line of the page as one path. */
function drawPageGrid(doc: PdfKitDoc, items: PageItem[], widths: number[], fullWidth: number): void {
  const left = PAGE.marginX;
  for (const { block, y } of items) {
    if (block.fill) doc.rect(left, y, fullWidth, block.height).fill(block.fill);
  }
  doc.lineWidth(LINE).strokeColor('#000000');
  for (const { block, y } of items) {
    doc.moveTo(left, y).lineTo(left + fullWidth, y);
    doc.moveTo(left, y + block.height).lineTo(left + fullWidth, y + block.height);
    let x = left;
    doc.moveTo(x, y).lineTo(x, y + block.height);
    for (const w of block.span ? [fullWidth] : widths) {
      x += w;
      doc.moveTo(x, y).lineTo(x, y + block.height);
    }
  }
  doc.stroke();
}

function drawPageText(doc: PdfKitDoc, font: FontSetter, items: PageItem[], widths: number[], fullWidth: number) {
  doc.fillColor('#000000');
  for (const { block, y } of items) {
    let x = PAGE.marginX;
    const cellWidths = block.span ? [fullWidth] : widths;
    block.lines.forEach((lines, c) => {
      const face = block.faces[c];
      const size = block.sizes[c];
      font.set(face, size);
      // Centred vertically in the row, as on the printed forms.
      const top = y + (block.height - textHeight(lines.length, size)) / 2;
      lines.forEach((line, l) => {
        if (!line) return;
        const lx = block.align[c] === 'center' ? x + (cellWidths[c] - textWidth(line, face, size)) / 2 : x + PAD_X;
        doc.text(line, lx, top + l * size * LINE_SPACING, { lineBreak: false });
      });
      x += cellWidths[c];
    });
  }
}

/** Draws the laid-out list as new pages of `doc`, numbered from `firstPageNo` of `totalPages`. */
export function drawList(
  doc: PdfKitDoc,
  layout: ListLayout,
  firstPageNo: number,
  totalPages: number,
  dt: DocText,
): void {
  const { names, caches } = openFaces(doc);
  const font = fontSetter(doc, names);
  const { widths } = layout;
  const fullWidth = widths.reduce((s, w) => s + w, 0);
  layout.pages.forEach((page, i) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    // pdfkit caches the layout of every distinct string per font for the document's life, which grows without bound
    // over a long list; each run is set twice (drawn, then measured), so the cache is kept within a page only.
    for (const f of caches) if (f.layoutCache) f.layoutCache = Object.create(null);
    font.reset();
    drawPageFrame(doc, font, layout, `第 ${firstPageNo + i} 页 共 ${totalPages} 页`, dt, page.title?.y);
    drawPageGrid(doc, page.items, widths, fullWidth);
    drawPageText(doc, font, page.items, widths, fullWidth);
  });
}
