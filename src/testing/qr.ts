// Reading a verifiable document (verification module) back in tests: the first page of a PDF rendered by poppler
// (pdftoppm) and its QR code decoded with jsQR, as a phone camera would read the printed page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text in the QR code on the first page of `pdf`, or null when none is found. */
export async function qrTextOfPdf(pdf: Buffer): Promise<string | null> {
  const { default: sharp } = await import('sharp');
  // a CommonJS bundle: its declared default export is the module object's `default` under NodeNext
  const { default: jsQR } = (await import('jsqr')).default;
  const dir = mkdtempSync(join(tmpdir(), 'spojnia-qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('/usr/bin/pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const { data, info } = await sharp(readFileSync(join(dir, 'page.png')))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    return code?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
