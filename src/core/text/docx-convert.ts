// Word (.docx) to Markdown, on the calling thread: mammoth unpacks the file and parses its XML, and
// a small converter turns mammoth's simple, well-formed HTML into Markdown. Slow on large files
// (seconds per megabyte of XML), so only the worker thread of docx.ts calls it, never a request.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10))
      : (ENTITIES[e.toLowerCase()] ?? all),
  );
/** Markdown's own characters typed in Word are text, not formatting. */
const escapeInline = (s: string) => s.replace(/([\\`*_[\]])/g, '\\$1');

/**
 * Word's paragraphs, headings and lists as Markdown, on the calling thread: only the worker
 * (docx.worker.ts) calls it. mammoth maps Word's heading styles to `<h1>`–`<h6>`; its HTML is
 * simple and well formed, so a small converter is enough.
 */
export async function convertDocxInThisThread(buffer: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: true });
  const out: string[] = [];
  const blocks = value.match(/<(h[1-6]|p|ul|ol|table)\b[^>]*>[\s\S]*?<\/\1>/gi) ?? [];
  for (const block of blocks) {
    const tag = /^<(\w+)/.exec(block)![1]!.toLowerCase();
    const inner = block.replace(/^<[^>]+>/, '').replace(/<\/\w+>$/, '');
    if (tag[0] === 'h') out.push(`${'#'.repeat(Number(tag[1]))} ${textOf(inner)}`);
    else if (tag === 'p') out.push(textOf(inner, true));
    else if (tag === 'ul' || tag === 'ol') {
      const items = inner.match(/<li\b[^>]*>[\s\S]*?<\/li>/gi) ?? [];
      out.push(
        items
          .map((li, i) => `${tag === 'ol' ? `${i + 1}.` : '-'} ${textOf(li.replace(/^<li[^>]*>/, '').replace(/<\/li>$/, ''), true)}`)
          .join('\n'),
      );
    } else {
      const rows = (inner.match(/<tr\b[^>]*>[\s\S]*?<\/tr>/gi) ?? []).map((tr) =>
        (tr.match(/<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/gi) ?? []).map((td) =>
          textOf(td.replace(/^<t[dh][^>]*>/, '').replace(/<\/t[dh]>$/, ''), true)
            .replace(/\|/g, '\\|')
            .replace(/\n+/g, ' '),
        ),
      );
      if (rows.length)
        out.push(
          [
            `| ${rows[0]!.join(' | ')} |`,
            `|${rows[0]!.map(() => ' --- ').join('|')}|`,
            ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
          ].join('\n'),
        );
    }
  }
  return out.filter((b) => b.trim()).join('\n\n');
}

function textOf(html: string, formatted = false): string {
  const plain = (s: string) => escapeInline(decode(s.replace(/<[^>]+>/g, '')));
  if (!formatted) return decode(html.replace(/<[^>]+>/g, '')).trim();
  // keep bold, italics and links; everything else is text
  const parts = html.split(/(<\/?(?:strong|b|em|i)>|<a [^>]*>|<\/a>|<br\s*\/?>)/i);
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const part of parts) {
    if (/^<(strong|b)>$|^<\/(strong|b)>$/i.test(part)) out += '**';
    else if (/^<(em|i)>$|^<\/(em|i)>$/i.test(part)) out += '*';
    else if (/^<br/i.test(part)) out += '  \n';
    else if (/^<a /i.test(part)) {
      const h = decode(/href="([^"]*)"/i.exec(part)?.[1] ?? '');
      href = /^(https?:|mailto:)/i.test(h) ? h : null;
      linkText = '';
    } else if (/^<\/a>$/i.test(part)) {
      out += href ? `[${linkText}](${href})` : linkText;
      href = null;
      linkText = '';
    } else if (href !== null || linkText) linkText += plain(part);
    else out += plain(part);
  }
  return (out + linkText).trim();
}
