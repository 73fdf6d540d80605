// Sample files for the portal's tests, made in code: a minimal PDF, a real DOCX (the docx package),
// a 1×1 PNG, an SVG and an empty ZIP for upload requests; and the
// content and document services the browser suite makes its pages with (it reaches a module only
// through index.ts and its testing files).
import { Document, Packer, Paragraph } from 'docx';

export { createNews, createPage, restoreVersion, updatePage } from './content.service.js';
export { addFileVersion, createDocument } from './documents.service.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const EMPTY_ZIP = Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(18)]);

export async function docx(text = 'Zażółć gęślą jaźń'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}
