// One multipart/form-data builder for every upload test (route tests of portal, programme, registry,
// territory, consultations): text fields and files encoded as a browser sends them, file names with
// Polish letters included (RFC 7578 `filename*`), so upload routes are tested the same way everywhere.

export interface FilePart {
  filename: string;
  /** Defaults to application/octet-stream, as a browser sends an unknown type. */
  contentType?: string;
  data: Buffer;
}

/** A multipart/form-data body of text fields (a repeated field as a list) and files by field name. */
export function multipart(
  fields: Record<string, string | readonly string[]>,
  files: Record<string, FilePart> = {},
): { payload: Buffer; contentType: string } {
  const boundary = `----spojnia${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value)
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`, 'utf8'));
  }
  for (const [name, f] of Object.entries(files)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename*=UTF-8''${encodeURIComponent(f.filename)}; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`;
    parts.push(Buffer.from(head, 'utf8'), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
