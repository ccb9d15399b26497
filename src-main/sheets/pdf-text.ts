/**
 * The text of a sheets page written as ONE text object of plain show-text operators, instead of pdfkit's text() with
 * its own save, transform and restore around every line (docs/performance.md): the same glyphs from the same
 * embedded subset, and the same ToUnicode map, so the text reads back alike. Falls back to pdfkit's text() when
 * pdfkit's internals are not as assumed here.
 */
import type { FontWeight } from '../documents/fonts';
import type { FontSetter, PdfKitDoc } from '../documents/list-pages';

/** The parts of pdfkit's embedded font used here. */
interface RawFont {
  id: string;
  /** In 1/1000 em. */
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
}

interface RawDoc {
  page?: { fonts: Record<string, unknown>; height: number };
  addContent?(data: string): unknown;
}

/** Sets lines of text on the current page; `flush` when the page is done. */
export interface PageText {
  line(face: FontWeight, size: number, x: number, top: number, text: string): void;
  flush(): void;
}

function isRawFont(f: unknown): f is RawFont {
  const o = f as Partial<RawFont> | null;
  return (
    !!o && typeof o.id === 'string' && typeof o.ref === 'function' && typeof o.encode === 'function' && !!o.ascender
  );
}

/** Encoded strings kept per face: the labels and rows that repeat from sheet to sheet, within bounded memory. */
const KEEP = 20_000;

const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** One text object per page, when the document's fonts (by face) are pdfkit embedded fonts as expected. */
export function pageText(doc: PdfKitDoc, fonts: Record<FontWeight, unknown>, font: FontSetter): PageText {
  const raw = doc as unknown as RawDoc;
  const faces = Object.values(fonts);
  if (typeof raw.addContent !== 'function' || !faces.every(isRawFont)) return pdfkitText(doc, font);
  const byFace = fonts as Record<FontWeight, RawFont>;
  const hex = new Map<RawFont, Map<string, string>>();
  let ops: string[] = [];
  let current: RawFont | null = null;
  let currentSize = 0;
  return {
    line(face, size, x, top, text) {
      const f = byFace[face];
      const page = raw.page!;
      if (page.fonts[f.id] == null) page.fonts[f.id] = f.ref();
      if (f !== current || size !== currentSize) ops.push(`/${f.id} ${n(size)} Tf`);
      current = f;
      currentSize = size;
      let known = hex.get(f);
      if (!known) hex.set(f, (known = new Map()));
      let h = known.get(text);
      if (h === undefined) {
        if (known.size >= KEEP) known.clear();
        known.set(text, (h = f.encode(text)[0].join('')));
      }
      const baseline = page.height - top - (f.ascender / 1000) * size;
      ops.push(`1 0 0 1 ${n(x)} ${n(baseline)} Tm <${h}> Tj`);
    },
    flush() {
      if (ops.length) raw.addContent!(`q 1 0 0 -1 0 ${n(raw.page!.height)} cm BT\n${ops.join('\n')}\nET Q`);
      ops = [];
      current = null;
      currentSize = 0;
    },
  };
}

/** pdfkit's own text(), line by line. */
function pdfkitText(doc: PdfKitDoc, font: FontSetter): PageText {
  return {
    line(face, size, x, top, text) {
      font.set(face, size);
      doc.text(text, x, top, { lineBreak: false });
    },
    flush() {
      font.reset();
    },
  };
}
