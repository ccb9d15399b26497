/**
 * The sheets' PDFs: one document per 名单包 and one for the whole draw. Each notice and record sheet is laid out once
 * (pdf-pages.ts) and drawn into every document it belongs to, so the package files and the combined file come from
 * one pass; its footer counts that sheet's own pages (第 x 页 共 y 页 of that entity's sheet).
 */
import { seedPrefix, type DrawSheets, type EntitySheet, type SheetPackage } from '@shared/domain/sheets';
import { DocText } from '../documents/pdf';
import { openSheetDocument, type SheetDocument } from './pdf-draw';
import { notice, NOTICE_TITLE } from './pdf-notice';
import { Blocks, paginate, type Placed } from './pdf-pages';
import { recordSheet, SHEET_TITLE } from './pdf-sheet';

export interface SheetsPdfOptions {
  /** Print each entity's 随机抽查通知书 before its record sheet (default true). */
  notices?: boolean;
  /** Called after each entity is drawn (done of total); an error thrown here stops the rendering (cancel). */
  onEntity?: (done: number, total: number) => void;
  /** Awaited after each package's own file has ended (its workbook can be written there, in step with the PDFs). */
  onPackage?: (pkg: SheetPackage) => Promise<void> | void;
}

/** A notice or record sheet, paginated: its pages and the text beside its page numbers. */
interface Part {
  pages: Placed[][];
  footer: string;
  dt: DocText;
}

function layOut(fill: (b: Blocks) => void, footer: string): Part {
  const b = new Blocks(new DocText());
  fill(b);
  return { pages: paginate(b.list), footer, dt: b.dt };
}

function entityParts(draw: DrawSheets, pkg: SheetPackage, seq: number, options: SheetsPdfOptions): Part[] {
  const sheet: EntitySheet = pkg.entities[seq - 1];
  const mark = `任务编号：${draw.taskNumber}\u3000\u3000种子：${seedPrefix(draw.seed)}`;
  const parts: Part[] = [];
  if (options.notices !== false) {
    parts.push(layOut((b) => notice(b, draw, sheet, pkg, seq), `${NOTICE_TITLE}\u3000\u3000${mark}`));
  }
  parts.push(layOut((b) => recordSheet(b, draw.bureauName, sheet, pkg), mark));
  return parts;
}

function drawPart(doc: SheetDocument, part: Part): void {
  const n = part.pages.length;
  part.pages.forEach((page, i) => doc.page(page, `第 ${i + 1} 页 共 ${n} 页\u3000\u3000${part.footer}`, part.dt));
}

/** Where the bytes of the documents go, as pdfkit produces them; a document without a sink is not made. */
export interface PdfSinks {
  /** The package's own file. */
  package?: (pkg: SheetPackage) => (chunk: Buffer) => void;
  /** The whole draw's file. */
  draw?: (chunk: Buffer) => void;
}

const packageTitle = (draw: DrawSheets, pkg: SheetPackage) => `${SHEET_TITLE} ${draw.taskNumber} 第${pkg.no}包`;

/**
 * Renders the package files and the combined file in one pass. Yields to the event loop after each entity, so the
 * bytes flow to the sinks as they are made and the memory stays that of one sheet and one package.
 */
export async function writeSheetPdfs(draw: DrawSheets, sinks: PdfSinks, options: SheetsPdfOptions = {}): Promise<void> {
  const total = draw.packages.reduce((n, p) => n + p.entities.length, 0);
  const whole = sinks.draw ? openSheetDocument(`${SHEET_TITLE} ${draw.taskNumber}`, sinks.draw) : null;
  let done = 0;
  for (const pkg of draw.packages) {
    const own = sinks.package ? openSheetDocument(packageTitle(draw, pkg), sinks.package(pkg)) : null;
    for (let seq = 1; seq <= pkg.entities.length; seq++) {
      for (const part of entityParts(draw, pkg, seq, options)) {
        if (own) drawPart(own, part);
        if (whole) drawPart(whole, part);
      }
      own?.forget();
      whole?.forget();
      options.onEntity?.(++done, total);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await own?.end();
    await options.onPackage?.(pkg);
  }
  await whole?.end();
}

/** One package's notices and record sheets. */
export async function renderPackagePdf(
  draw: DrawSheets,
  pkg: SheetPackage,
  options: SheetsPdfOptions = {},
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeSheetPdfs({ ...draw, packages: [pkg] }, { package: () => (c) => chunks.push(c) }, options);
  return Buffer.concat(chunks);
}

/** Every package of the draw in one file. */
export async function renderDrawPdf(draw: DrawSheets, options: SheetsPdfOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeSheetPdfs(draw, { draw: (c) => chunks.push(c) }, options);
  return Buffer.concat(chunks);
}
