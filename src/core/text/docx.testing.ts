// Test support for the Word reader: hostile files made here with fflate — a "zip bomb" whose
// document.xml repeats one paragraph (a few kilobytes that unpack to megabytes), and a file with
// more parts than any real document has.
import { strToU8, zipSync, type Zippable } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function wordFile(documentXml: string, extra: Zippable = {}): Buffer {
  return Buffer.from(
    zipSync(
      { '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(documentXml), ...extra },
      { level: 9 },
    ),
  );
}

/** A valid Word file whose text is one short paragraph repeated until document.xml has `mib` MiB. */
export function repeatedParagraphDocx(mib: number): Buffer {
  const para = '<w:p><w:r><w:t>Lorem ipsum dolor sit amet.</w:t></w:r></w:p>';
  const body = para.repeat(Math.ceil((mib * 1024 * 1024) / para.length));
  return wordFile(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
}

/** A small valid Word file with `parts` extra (empty) parts. */
export function manyPartsDocx(parts: number): Buffer {
  const extra: Zippable = {};
  for (let i = 0; i < parts; i++) extra[`word/media/part${i}.xml`] = strToU8('<x/>');
  return wordFile(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Tekst</w:t></w:r></w:p></w:body></w:document>',
    extra,
  );
}
