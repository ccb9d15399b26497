import * as pdfmakeNs from 'pdfmake';
import type { Content, ContentTable, DynamicContent, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  covers,
  FONT_FILES,
  inRegular,
  loadFonts,
  runs,
  unicodeName,
  type FontWeight,
  type GlyphReport,
  type Runs,
} from './fonts';
import { drawList, type ListLayout, type PdfKitDoc } from './list-pages';
import { proofFileName, verifyPageName } from '@shared/domain/draws';

/**
 * pdfmake set up once for this program: the bundled fonts served from pdfmake's in-memory file system, no URL and no
 * local file a document could name (nothing in a document definition can make it read a file), and the small pieces
 * every form shares (title, labelled cells, hashes, signature rows, 第 x 页 共 y 页).
 */

// pdfmake exports one instance (module.exports = new pdfmake()); a namespace import wraps it as `default` under
// esbuild, vite and rollup's CommonJS interop, and is the instance itself under plain require.
const pdfmake = ((pdfmakeNs as unknown as { default?: typeof pdfmakeNs }).default ?? pdfmakeNs) as typeof pdfmakeNs & {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
};

export const SANS = 'SsjSans';
export const MONO = 'SsjMono';

const VFS = { regular: 'ssj/sans-regular.otf', bold: 'ssj/sans-bold.otf', mono: 'ssj/mono.otf' } as const;

let ready = false;
function setUp(): void {
  if (ready) return;
  const { files } = loadFonts();
  for (const weight of Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]) {
    pdfmake.virtualfs.writeFileSync(VFS[weight], files[weight]);
  }
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** pdfmake's font table (its fonts are global: set on every call, in case another caller changed them). */
const FONTS = {
  [SANS]: { normal: VFS.regular, bold: VFS.bold, italics: VFS.regular, bolditalics: VFS.bold },
  [MONO]: { normal: VFS.mono, bold: VFS.mono, italics: VFS.mono, bolditalics: VFS.mono },
};

interface PdfKitStream extends PdfKitDoc {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
  end(): void;
}

/**
 * Renders a document definition to PDF bytes with the bundled fonts. With `list`, the list's pages follow pdfmake's
 * (drawn by list-pages.ts) and every footer counts them: 第 x 页 共 (pdfmake's pages + the list's) 页.
 */
export async function renderPdf(
  doc: TDocumentDefinitions,
  list?: { layout: ListLayout; dt: DocText },
): Promise<Buffer> {
  setUp();
  pdfmake.setFonts(FONTS);
  let formPages = 0;
  if (list && typeof doc.footer === 'function') {
    const footer = doc.footer as DynamicContent;
    const extra = list.layout.pages.length;
    doc = {
      ...doc,
      footer: (currentPage, pageCount, pageSize) => {
        formPages = pageCount;
        return footer(currentPage, pageCount + extra, pageSize);
      },
    };
  }
  const created = pdfmake.createPdf(doc) as unknown as { getStream(): Promise<PdfKitStream> };
  const pdf = await created.getStream();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  if (list) drawList(pdf, list.layout, formPages + 1, formPages + list.layout.pages.length, list.dt);
  pdf.end();
  await done;
  return Buffer.concat(chunks);
}

/** A4 portrait content width with the margins below. */
export const PORTRAIT_MARGINS: [number, number, number, number] = [48, 48, 48, 48];

/** "第 x 页 共 y 页", centred in the bottom margin. */
export function pageFooter(currentPage: number, pageCount: number): Content {
  return { text: `第 ${currentPage} 页 共 ${pageCount} 页`, alignment: 'center', fontSize: 9, margin: [0, 16, 0, 0] };
}

/**
 * Text of one document: every string goes through `t()` so a character the bold subset lacks is set in Regular and
 * one no face has is printed as 〔U+XXXX〕 — and noted at the end of the document (`glyphNote()`).
 */
export class DocText {
  readonly report: GlyphReport = { missing: new Set() };

  t(text: string, bold = false): Runs {
    return runs(text, bold, this.report);
  }

  /** Codes and values in the mono face when it has every character (ASCII), else in Regular (a value typed in Chinese). */
  code(text: string, fontSize: number): Content {
    if (!covers(loadFonts().coverage.mono, text)) return { text: this.t(text), fontSize };
    return { text, font: MONO, fontSize };
  }

  /**
   * Text for the lists drawn by list-pages.ts, which set a cell in one face: `face` when it has every character,
   * else Regular, with a character no face has written as 〔U+XXXX〕 (and noted).
   */
  printable(text: string, face: FontWeight): { text: string; face: FontWeight } {
    if (covers(loadFonts().coverage[face], text)) return { text, face };
    return { text: inRegular(text, this.report), face: 'regular' };
  }

  /** A paragraph saying which characters could not be printed, or nothing. */
  glyphNote(): Content[] {
    if (this.report.missing.size === 0) return [];
    const list = [...this.report.missing].map((ch) => unicodeName(ch.codePointAt(0)!)).join('、');
    return [
      {
        text: `注：本表中 ${list} 等字超出程序内置字库，以〔U+编码〕代替，原字以系统中的数据为准。`,
        fontSize: 8.5,
        margin: [0, 8, 0, 0],
      },
    ];
  }
}

/** Title block: 随机抽取情况记录表 centred, bold, with an optional subtitle. */
export function titleBlock(dt: DocText, title: string, subtitle?: string): Content[] {
  const out: Content[] = [
    { text: dt.t(title, true), bold: true, fontSize: 18, alignment: 'center', characterSpacing: 1 },
  ];
  if (subtitle)
    out.push({ text: dt.t(subtitle, true), bold: true, fontSize: 12, alignment: 'center', margin: [0, 4, 0, 0] });
  return out;
}

/** A grey label cell of a bordered form. */
export function labelCell(dt: DocText, text: string, extra: Partial<TableCell & object> = {}): TableCell {
  return { text: dt.t(text, true), bold: true, fillColor: '#f2f2f2', alignment: 'center', ...extra } as TableCell;
}

/** A value cell; `span` columns wide. */
export function valueCell(dt: DocText, text: string, span = 1, extra: Partial<TableCell & object> = {}): TableCell {
  return { text: dt.t(text), colSpan: span > 1 ? span : undefined, ...extra } as TableCell;
}

/** Empty cells to follow a colSpan cell (pdfmake wants the row full width). */
export function spanFill(span: number): TableCell[] {
  return Array.from({ length: span - 1 }, () => ({}) as TableCell);
}

/** Every printed list ends with this line, so nothing can be written in below its last row. */
export const LIST_END = '（以下空白）';

/** The closing row of a printed list `span` columns wide. */
export function listEndRow(dt: DocText, span: number): TableCell[] {
  return [{ text: dt.t(LIST_END), colSpan: span, alignment: 'center' } as TableCell, ...spanFill(span)];
}

/** A SHA-256 value in the mono face, grouped, 4 groups a line (never cut: lines break only between groups). */
export function hashText(groupedHex: string, fontSize = 11): Content {
  return { text: groupedHex, font: MONO, fontSize, lineHeight: 1.2 };
}

/** Cell padding/lines of the bordered forms: thin black lines, a little padding. */
export const FORM_LAYOUT = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The long lists: same lines, tighter padding. A plain object shared by every table (no per-cell objects). */
export const LIST_LAYOUT = {
  ...FORM_LAYOUT,
  hLineWidth: () => 0.4,
  vLineWidth: () => 0.4,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export interface SignatureRole {
  /** "操作人员", "监督人员", "见证人". */
  role: string;
  /** Printed name, or '' for a blank line to fill in by hand. */
  name: string;
}

/**
 * Signature rows as the last rows of a bordered form: 角色 | 姓名(印刷) | 签字 (a tall blank cell) | 日期 (年 月 日).
 * `cols` is the form's column count (4).
 */
export function signatureTable(dt: DocText, roles: SignatureRole[], heading = '签字确认'): ContentTable {
  const body: TableCell[][] = [
    [labelCell(dt, heading, { colSpan: 4, alignment: 'left' }), ...spanFill(4)],
    [labelCell(dt, '身份'), labelCell(dt, '姓名'), labelCell(dt, '签字'), labelCell(dt, '日期')],
  ];
  for (const r of roles) {
    body.push([
      { text: dt.t(r.role), alignment: 'center', margin: [0, 5, 0, 5] } as TableCell,
      { text: dt.t(r.name), alignment: 'center', margin: [0, 5, 0, 5] } as TableCell,
      { text: '', margin: [0, 5, 0, 5] } as TableCell,
      { text: '     年    月    日', alignment: 'right', margin: [0, 5, 0, 5] } as TableCell,
    ]);
  }
  return {
    table: { widths: [80, 110, '*', 110], body, dontBreakRows: true, headerRows: 2, keepWithHeaderRows: 1 },
    layout: FORM_LAYOUT,
    // Kept on one page: a signer sees every name and line he signs beside (unless it is longer than a page, which
    // pdfmake could not place at all).
    unbreakable: roles.length <= 15,
    margin: [0, 10, 0, 0],
  };
}

/**
 * How anyone can check the printed values (both parts print it), naming the files as the proof export writes them:
 * the proof under its suggested name and the verify page beside it.
 */
export function verifyLine(taskNumber: string): string {
  const proof = proofFileName(taskNumber);
  return (
    `核对方法：在“随机抽取”页导出抽取证明，得到抽取证明文件「${proof}」和同一文件夹中的离线验证页「${verifyPageName(proof)}」` +
    '（证明文件另取文件名时，验证页为「该文件名-离线验证页.html」）。用浏览器打开离线验证页（无需联网），载入抽取证明文件，' +
    '以 SHA-256 重新计算并逐项核对本表所列摘要、承诺与抽取结果；揭示的随机数经 SHA-256 计算应等于承诺值。'
  );
}
