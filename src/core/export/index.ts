// The export core's surface: the document model and its two renderers. Modules build an
// ExportDocument from their own data and send the bytes; nothing here knows what a report is.
export { blocksFromMarkdown, type ExportBlock, type ExportDocument } from './document.js';
export { pdfFontLoads, renderPdf } from './pdf.js';
export { renderDocx } from './docx.js';
