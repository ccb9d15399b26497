/**
 * Printed documents (PDF with pdfmake and the bundled CJK fonts, xlsx with exceljs). Each renderer takes the plain
 * data of src-shared/domain/documents.ts and returns the file's bytes; services decide where they go.
 */
export { renderPlanPdf, renderPlanXlsx } from './plan';
export { renderDrawRecordCommitPdf, renderDrawRecordResultPdf } from './draw-record';
export { resourcesDir } from './fonts';
export { renderAnnouncementPdf } from '../disclosure/announcement-pdf';
export { renderAnnouncementXlsx } from '../disclosure/announcement-xlsx';
