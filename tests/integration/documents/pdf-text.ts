/**
 * Opens a PDF back with pdf.js (Mozilla's parser, legacy build for Node) and returns what a reader would find in it:
 * page sizes and the text of every page, in drawing order.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  /** Text items joined with a space between items. */
  text: string;
}

export interface ReadPdf {
  pages: PdfPage[];
  /** Every page's text, joined. */
  all: string;
  /** All text with every white space removed (hashes printed in groups over lines compare whole). */
  compact: string;
  title: string | undefined;
}

export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
    page.cleanup();
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  const all = pages.map((p) => p.text).join('\n');
  return { pages, all, compact: all.replace(/\s+/g, ''), title: (meta.info as { Title?: string }).Title };
}
