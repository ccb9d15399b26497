/**
 * One pdfkit document for the sheets: the bundled faces embedded once (pdfkit subsets them when the document ends),
 * pages drawn from paginated blocks (pdf-pages.ts) — fills, then every border as one path, then the text — each
 * with its footer.
 */
import * as pdfDocumentNs from 'pdfmake/js/PDFDocument';
import { loadFonts, textWidth, type FontWeight } from '../documents/fonts';
import {
  fontSetter,
  openFaces,
  useCmapLayout,
  type EmbeddedFontInternals,
  type PdfKitDoc,
} from '../documents/list-pages';
import type { DocText } from '../documents/pdf';
import { pageText, type PageText } from './pdf-text';
import { LINE_SPACING, PAD_X, PAGE, textHeight, type Cell, type Placed } from './pdf-pages';

const LINE = 0.6;
const FOOTER_SIZE = 8;

export interface StreamDoc extends PdfKitDoc {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
  end(): void;
}

type DocumentClass = new (
  fonts: object,
  images: object,
  patterns: object,
  attachments: object,
  options: object,
  virtualfs: null,
  localAccessPolicy: () => boolean,
) => StreamDoc;

// A CommonJS module with `exports.default`: plain require gives the class under `default`, an ESM import may wrap once more.
const wrapped = pdfDocumentNs as unknown as { default: { default?: DocumentClass } | DocumentClass };
const PDFDocument = ((wrapped.default as { default?: DocumentClass }).default ?? wrapped.default) as DocumentClass;

/** The parts of pdfkit's document and font touched by sharedFaces (guarded: else pdfkit opens the faces itself). */
interface DocInternals {
  _font?: EmbeddedFontInternals & { constructor: EmbeddedFontClass; font?: unknown };
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
}
type EmbeddedFontClass = new (doc: PdfKitDoc, font: unknown, id: string) => EmbeddedFontInternals;
let EmbeddedFont: EmbeddedFontClass | null = null;

/**
 * The faces of a new document made from the fontkit fonts parsed once per process: pdfkit would parse the 7 MB face
 * again for every document and the glyphs again when it subsets them — most of the cost of a 名单包's small file.
 */
function sharedFaces(doc: PdfKitDoc): { names: Record<FontWeight, string>; caches: EmbeddedFontInternals[] } {
  const internals = doc as unknown as DocInternals;
  if (!EmbeddedFont || !internals._fontFamilies || typeof internals._fontCount !== 'number') {
    const opened = openFaces(doc);
    if (internals._font?.font) EmbeddedFont = internals._font.constructor;
    return opened;
  }
  const { faces } = loadFonts();
  const names = {} as Record<FontWeight, string>;
  const caches: EmbeddedFontInternals[] = [];
  for (const face of Object.keys(faces) as FontWeight[]) {
    names[face] = faces[face].postscriptName;
    const font = new EmbeddedFont(doc, faces[face], `F${++internals._fontCount}`);
    useCmapLayout(font);
    internals._fontFamilies[names[face]] = font;
    caches.push(font);
  }
  return { names, caches };
}

export interface SheetDocument {
  /** Draws one page: its blocks and the footer text centred in the bottom margin. */
  page(placed: readonly Placed[], footer: string, dt: DocText): void;
  /** Forgets pdfkit's per-string layouts (they grow with every distinct string for the document's life). */
  forget(): void;
  /** Ends the document; resolves when the last byte was handed to `sink`. */
  end(): Promise<void>;
}

/** A bare pdfkit document (A4, no page yet) whose bytes go to `sink` as pdfkit produces them (page by page). */
export function newPdfKitDocument(
  title: string,
  sink: (chunk: Buffer) => void,
): { doc: StreamDoc; done: Promise<void> } {
  const doc = new PDFDocument({}, {}, {}, {}, docOptions(title), null, () => false);
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', sink);
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  return { doc, done };
}

/** A new sheets document: the faces opened once, pages drawn from placed blocks. */
export function openSheetDocument(title: string, sink: (chunk: Buffer) => void): SheetDocument {
  const { doc, done } = newPdfKitDocument(title, sink);
  const { names, caches } = sharedFaces(doc);
  const font = fontSetter(doc, names);
  const [regular, bold, mono] = caches;
  const text = pageText(doc, { regular, bold, mono }, font);
  return {
    page(placed, footer, dt) {
      doc.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
      font.reset();
      drawGrid(doc, placed);
      doc.fillColor('#000000');
      drawText(text, placed);
      const f = dt.printable(footer, 'regular');
      const x = (PAGE.width - textWidth(f.text, f.face, FOOTER_SIZE)) / 2;
      text.line(f.face, FOOTER_SIZE, x, PAGE.height - PAGE.bottom + 18, f.text);
      text.flush();
    },
    forget() {
      for (const f of caches) if (f.layoutCache) f.layoutCache = Object.create(null);
    },
    end() {
      doc.end();
      return done;
    },
  };
}

function docOptions(title: string): object {
  return {
    size: [PAGE.width, PAGE.height],
    compress: true,
    autoFirstPage: false,
    bufferPages: false,
    font: null,
    info: { Title: title, Creator: 'ssj-desk', Producer: 'ssj-desk' },
  };
}

/** Fills first, then every border of the page as one path. */
function drawGrid(doc: PdfKitDoc, placed: readonly Placed[]): void {
  for (const { block, y } of placed) {
    for (const c of block.cells) if (c.fill) doc.rect(PAGE.left + c.x, y, c.w, block.height).fill(c.fill);
  }
  doc.lineWidth(LINE).strokeColor('#000000');
  let any = false;
  for (const { block, y } of placed) {
    for (const c of block.cells) {
      if (!c.border) continue;
      doc.rect(PAGE.left + c.x, y, c.w, block.height);
      any = true;
    }
  }
  if (any) doc.stroke();
}

function lineX(c: Cell, line: string, face: FontWeight): number {
  const left = PAGE.left + c.x + (c.border ? PAD_X : 0);
  if (c.align === 'left') return left;
  const inner = c.border ? c.w - 2 * PAD_X : c.w;
  const free = inner - textWidth(line, face, c.size);
  return c.align === 'center' ? left + free / 2 : left + free;
}

function drawText(text: PageText, placed: readonly Placed[]): void {
  for (const { block, y } of placed) {
    for (const c of block.cells) {
      const top = y + (c.dy ?? (block.height - textHeight(c.lines.length, c.size)) / 2);
      c.lines.forEach((line, l) => {
        if (line) text.line(c.face, c.size, lineX(c, line, c.face), top + l * c.size * LINE_SPACING, line);
      });
    }
  }
}
