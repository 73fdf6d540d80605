// Sample files for the portal's tests, made in code: a minimal PDF, a real DOCX (the docx package),
// a 1×1 PNG, an SVG and an empty ZIP for upload requests; and the
// content and document services the browser suite makes its pages with (it reaches a module only
// through index.ts and its testing files), with a published library document by title for the tests
// of the modules that attach documents.
import { Document, Packer, Paragraph } from 'docx';
import type { ModuleContext } from '../../core/module.js';
import { createDocument } from './documents.service.js';

export { createNews, createPage, restoreVersion, updatePage } from './content.service.js';
export { addFileVersion, createDocument } from './documents.service.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
export const EMPTY_ZIP = Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(18)]);

/** A published, accessible PDF in the library under `title`; its id. */
export async function publishedDocument(ctx: ModuleContext, title: string): Promise<string> {
  return createDocument(
    ctx,
    {
      title_pl: title,
      category: 'raporty',
      doc_date: '2027-02-01',
      label_pl: 'wersja ostateczna',
      version_date: '2027-02-01',
      is_published: '1',
      is_accessible: '1',
    },
    { filename: 'dokument.pdf', data: PDF, truncated: false },
    { actorId: null, ip: null, requestId: null },
  );
}

export async function docx(text = 'Zażółć gęślą jaźń'): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
}
