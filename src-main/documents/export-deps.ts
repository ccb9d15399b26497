import type { FileTokens } from '../app/file-tokens';

/**
 * What a service that exports documents needs besides the database: the save dialog's tokens, and its renderers,
 * loaded on first use (they run in the document worker, where pdfmake and the CJK fonts load).
 */
export interface DocumentExportDeps<Renderers> {
  files: FileTokens;
  renderers: () => Promise<Renderers>;
}
