// The export core's surface: the document model and its two renderers. Modules build an
// ExportDocument from their own data and send the bytes; nothing here knows what a report is.
export { blocksFromMarkdown, type ExportBlock, type ExportDocument } from './document.js';
export { pdfFontLoads, renderPdf } from './pdf.js';
import type { ExportDocument } from './document.js';

/**
 * Word bytes of a document. The renderer and its library (docx) are loaded on first use: most
 * processes never write a Word file, and the library costs 0.1–0.2 s to load.
 */
export async function renderDocx(input: ExportDocument): Promise<Buffer> {
  const { renderDocx: render } = await import('./docx.js');
  return render(input);
}
