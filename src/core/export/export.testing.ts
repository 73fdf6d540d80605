// Reading generated PDFs back in tests (the export core, the annual report, the consultation
// report): the text as a reader gets it (poppler's pdftotext), and the objects with their streams
// inflated and their literal strings decoded, so tagging, alt texts and titles can be checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The PDF's text as `pdftotext` extracts it (UTF-8; pages separated by form feeds). `raw` keeps the
 * order of the page's content and each line as drawn: the default mode joins a word hyphenated at
 * the end of a line back into one (as a reader copying it gets it), which hides where it was split.
 */
export function pdfToText(pdf: Buffer, mode: 'reading' | 'raw' = 'reading'): string {
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', ...(mode === 'raw' ? ['-raw'] : []), file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's objects with their streams inflated, so structure types and marked content can be checked. */
export function pdfObjects(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = raw;
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    try {
      out += inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      // not a deflated stream (fonts are, but some are not worth reading)
    }
  }
  return out;
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** Literal strings of the PDF's objects, decoded (PDFKit writes non-ASCII text as UTF-16BE with a BOM). */
export function pdfStrings(objects: string): string[] {
  const out: string[] = [];
  for (const m of objects.matchAll(/\(((?:\\.|[^\\)])*)\)/gs)) {
    const bytes: number[] = [];
    const s = m[1]!;
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0));
        continue;
      }
      const n = s[++i]!;
      if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
        bytes.push(parseInt(oct, 8));
      } else bytes.push(ESCAPES[n] ?? n.charCodeAt(0));
    }
    const buf = Buffer.from(bytes);
    out.push(buf[0] === 0xfe && buf[1] === 0xff ? buf.subarray(2).swap16().toString('utf16le') : buf.toString('latin1'));
  }
  return out;
}
