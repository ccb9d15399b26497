/** pdfmake's subclass of pdfkit's document (pdfkit itself comes in with pdfmake and has no typings here). */
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
