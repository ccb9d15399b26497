import { loadFonts, textWidth, wrapText, type FontWeight } from './fonts';
import type { DocText } from './pdf';

/**
 * Long lists (the 50,000 entities of a city task) drawn straight onto the pdfkit document pdfmake has just filled,
 * after its pages: pdfmake lays a whole document out in memory before writing a byte, which for 3,000 pages of table
 * took ~2 GB and minutes; here the rows are measured with the fonts' advance widths, broken into lines once, paginated
 * by arithmetic, and each page is written (and flushed by pdfkit) as it is drawn.
 *
 * A list is groups (a 名单包 with its team) of rows. Every page repeats the group's heading (with 〔续〕) and the column
 * header; a heading and header are never left at a page's foot without a row; a row is never split across pages.
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
function lineBox(): number {
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

/** Measures, breaks and paginates the list; `dt` turns each text into printable text and notes missing characters. */
export function layoutList(spec: ListSpec, dt: DocText): ListLayout {
  const widths = columnWidths(spec.columns);
  const fullWidth = widths.reduce((s, w) => s + w, 0);
  const bottom = PAGE.height - PAGE.bottom;

  const headingBlock = (text: string): Block => {
    const p = dt.printable(text, 'bold');
    const lines = [wrapText(p.text, p.face, HEADING_SIZE, fullWidth - 2 * PAD_X)];
    return {
      faces: [p.face],
      sizes: [HEADING_SIZE],
      lines,
      height: blockHeight(lines, [HEADING_SIZE]),
      fill: '#e8e8e8',
      span: true,
      align: ['left'],
    };
  };
  const headerBlock = ((): Block => {
    const faces: FontWeight[] = [];
    const lines = spec.columns.map((c, i) => {
      const p = dt.printable(c.header, 'bold');
      faces.push(p.face);
      return wrapText(p.text, p.face, HEADING_SIZE, widths[i] - 2 * PAD_X);
    });
    const sizes = spec.columns.map(() => HEADING_SIZE);
    return {
      faces,
      sizes,
      lines,
      height: blockHeight(lines, sizes),
      fill: '#f2f2f2',
      align: spec.columns.map(() => 'center'),
    };
  })();
  const sizes = spec.columns.map((c) => c.fontSize);
  const align = spec.columns.map((c) => c.align ?? 'left');
  const rowBlock = (cells: ListCell[]): Block => {
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
    const heading = headingBlock(group.heading);
    let started = false;
    const start = (rowHeight: number) => {
      if (y + heading.height + headerBlock.height + rowHeight > bottom && y > pageTop) newPage();
      place(heading);
      place(headerBlock);
      started = true;
    };
    for (const cells of group.rows) {
      const row = rowBlock(cells);
      if (!started) start(row.height);
      else if (y + row.height > bottom) {
        newPage();
        place(headingBlock(`${group.heading}〔续〕`));
        place(headerBlock);
      }
      place(row);
    }
    if (!started) start(0);
    y += GROUP_GAP;
  }
  if (spec.groups.length === 0) place({ ...headingBlock('无'), fill: undefined });
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
interface EmbeddedFontInternals {
  layoutCache?: object | null;
  scale?: number;
  font?: { glyphsForString?: (text: string) => { advanceWidth: number }[] };
  layoutRun?: (text: string, features?: unknown) => unknown;
}

/**
 * Glyph layout without OpenType shaping for our subsets: scripts/subset-fonts.py drops every layout feature (no
 * GSUB/GPOS, CFF outlines, no kern table), so fontkit's shaper can only map characters to glyphs and add advance
 * widths — which glyphsForString does directly, about 5× faster. Same glyphs, same positions (the tests read the text
 * back). Only the list's pages use it, and only when pdfkit still has the shape assumed here.
 */
function useCmapLayout(font: EmbeddedFontInternals): void {
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
 * Draws the laid-out list as new pages of `doc`, numbered from `firstPageNo` of `totalPages`.
 * Each face is opened once from its bytes — pdfkit recognises a font pdfmake already embedded and reuses it (each font
 * embedded once) — and then selected by PostScript name, which pdfkit caches.
 */
export function drawList(
  doc: PdfKitDoc,
  layout: ListLayout,
  firstPageNo: number,
  totalPages: number,
  dt: DocText,
): void {
  const { files, faces } = loadFonts();
  const names = {} as Record<FontWeight, string>;
  // pdfkit caches the glyph layout of every distinct string it sets, per font, for the document's life: for 50,000
  // unique names, addresses and hashes that cache alone held ~800 MB. Each run is set twice (drawn, then measured to
  // advance), so the cache is worth keeping within a page, and is emptied at every new page.
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
  const emptyCaches = () => {
    for (const f of caches) if (f.layoutCache) f.layoutCache = Object.create(null);
  };
  const { widths } = layout;
  const left = PAGE.marginX;
  const fullWidth = widths.reduce((s, w) => s + w, 0);
  let current: FontWeight | null = null;
  let currentSize = 0;
  const setFont = (face: FontWeight, size: number) => {
    if (face !== current) doc.font(names[face]);
    if (size !== currentSize) doc.fontSize(size);
    current = face;
    currentSize = size;
  };
  const centred = (text: string, face: FontWeight, size: number, y: number, color = '#000000') => {
    setFont(face, size);
    doc.fillColor(color).text(text, (PAGE.width - textWidth(text, face, size)) / 2, y, { lineBreak: false });
  };

  layout.pages.forEach((page, i) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    emptyCaches();
    current = null;
    currentSize = 0;
    const header = dt.printable(layout.spec.pageHeader, 'regular');
    setFont(header.face, 8);
    doc
      .fillColor('#555555')
      .text(header.text, PAGE.width - PAGE.marginX - textWidth(header.text, header.face, 8), 24, { lineBreak: false });
    centred(`第 ${firstPageNo + i} 页 共 ${totalPages} 页`, 'regular', 9, PAGE.height - PAGE.bottom + 16);
    if (page.title) {
      const t = dt.printable(layout.spec.title, 'bold');
      centred(t.text, t.face, TITLE_SIZE, page.title.y);
    }

    // Fills first, then every line of the page as one path, then the text.
    for (const { block, y } of page.items) {
      if (block.fill) doc.rect(left, y, fullWidth, block.height).fill(block.fill);
    }
    doc.lineWidth(LINE).strokeColor('#000000');
    for (const { block, y } of page.items) {
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
    doc.fillColor('#000000');
    for (const { block, y } of page.items) {
      let x = left;
      const cellWidths = block.span ? [fullWidth] : widths;
      block.lines.forEach((lines, c) => {
        const face = block.faces[c];
        const size = block.sizes[c];
        setFont(face, size);
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
  });
}
