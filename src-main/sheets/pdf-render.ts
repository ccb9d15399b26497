/**
 * The sheets' PDFs: one document per 名单包, or one for the whole draw — many pages in ONE pdfmake document, since
 * pdfmake parses the fonts again for every document. Each notice and each record sheet is a pdfmake section, so its
 * footer counts its own pages (第 x 页 共 y 页 of that entity's sheet).
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { seedPrefix, type DrawSheets, type SheetPackage } from '@shared/domain/sheets';
import { DocText, renderPdf, SANS } from '../documents/pdf';
import { notice } from './pdf-notice';
import { MARGINS } from './pdf-parts';
import { recordSheet, SHEET_TITLE } from './pdf-sheet';

export interface SheetsPdfOptions {
  /** Print each entity's 随机抽查通知书 before its record sheet (default true). */
  notices?: boolean;
}

/**
 * A section whose footer numbers its own pages. pdfmake calls a section's background when each of its pages is
 * added (during layout) and the footers only once layout is done, so the footers know the section's page count.
 */
function numberedSection(dt: DocText, content: Content[], footerText: string): Content {
  const pages: number[] = [];
  return {
    section: content,
    background: (page: number) => {
      if (!pages.includes(page)) pages.push(page);
      return null;
    },
    footer: (page: number) => ({
      text: dt.t(`第 ${page - pages[0] + 1} 页 共 ${pages.length} 页\u3000\u3000${footerText}`),
      alignment: 'center',
      fontSize: 8,
      margin: [MARGINS[0], 18, MARGINS[2], 0],
    }),
  } as unknown as Content;
}

function packageSections(dt: DocText, draw: DrawSheets, pkg: SheetPackage, options: SheetsPdfOptions): Content[] {
  const mark = `任务编号:${draw.taskNumber}\u3000\u3000随机种子:${seedPrefix(draw.seed)}`;
  return pkg.entities.flatMap((sheet, i) => {
    const out: Content[] = [];
    if (options.notices !== false) {
      out.push(numberedSection(dt, notice(dt, draw, sheet, pkg, i + 1), `随机抽查通知书\u3000\u3000${mark}`));
    }
    out.push(numberedSection(dt, recordSheet(dt, draw.bureauName, sheet, pkg), mark));
    return out;
  });
}

function documentOf(dt: DocText, title: string, content: Content[]): TDocumentDefinitions {
  return {
    info: { title, creator: 'ssj-desk' },
    pageSize: 'A4',
    pageMargins: MARGINS,
    defaultStyle: { font: SANS, fontSize: 9, lineHeight: 1.15 },
    content: [...content, ...dt.glyphNote()],
  };
}

/** One package's notices and record sheets. */
export function renderPackagePdf(draw: DrawSheets, pkg: SheetPackage, options: SheetsPdfOptions = {}): Promise<Buffer> {
  const dt = new DocText();
  const content = packageSections(dt, draw, pkg, options);
  return renderPdf(documentOf(dt, `${SHEET_TITLE} ${draw.taskNumber} 第${pkg.no}包`, content));
}

/** Every package of the draw in one file. */
export function renderDrawPdf(draw: DrawSheets, options: SheetsPdfOptions = {}): Promise<Buffer> {
  const dt = new DocText();
  const content = draw.packages.flatMap((pkg) => packageSections(dt, draw, pkg, options));
  return renderPdf(documentOf(dt, `${SHEET_TITLE} ${draw.taskNumber}`, content));
}
