// Test support for the mail module: a real SMTP server (the `smtp-server` package) on a free local
// port that collects what it receives, and a small MIME reader for nodemailer's messages (headers
// with RFC 2047 words, multipart/alternative, quoted-printable or base64 parts), so tests check
// what a mail client would show rather than what we meant to send.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Number of DATA commands seen (accepted or refused). */
  attempts(): number;
  /** Make the server refuse messages from now on — temporarily (451, the default) or for good (550) — or accept them (false). */
  refuse(on: boolean | 451 | 550): void;
  /** Answer each message that starts from now on only this long after receiving it (a slow server); 0 answers at once. */
  delay(ms: number): void;
  /** Number of messages whose data started to arrive (answered or not). */
  started(): number;
  /** Resolves once `n` messages were accepted. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let refusing: false | 451 | 550 = false;
  let attempts = 0;
  let delayMs = 0;
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      started += 1;
      const wait = delayMs;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const answer = () => {
        attempts += 1;
        if (refusing) {
          const err = Object.assign(new Error(refusing === 550 ? 'no such mailbox' : 'mailbox temporarily unavailable'), {
            responseCode: refusing,
          });
          callback(err);
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
        callback();
      };
      stream.on('end', () => setTimeout(answer, wait));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    refuse(on) {
      refusing = on === true ? 451 : on;
    },
    delay(ms) {
      delayMs = ms;
    },
    started: () => started,
    waitFor(n) {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ n, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- reading MIME --------------------------------------------------------------------------------

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: raw.slice(at + 4) };
}

function bytes(latin1: string): Buffer {
  return Buffer.from(latin1, 'latin1');
}

function decodeQp(s: string): string {
  const noSoft = s.replace(/=\r\n/g, '');
  return bytes(noSoft.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) of a header value. */
export function decodeHeader(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _cs: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );
}

function decodePart(headers: Map<string, string>, body: string): string {
  const enc = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQp(body);
  return bytes(body).toString('utf8');
}

export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  from: string;
  to: string;
  /** Decoded text/plain and text/html parts (line ends normalised to \n). */
  text: string | null;
  html: string | null;
  /** Every decoded part with its full Content-Type (a calendar part, say), in order. */
  parts: { contentType: string; content: string }[];
}

export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHead(raw);
  const out: ParsedMail = {
    headers,
    subject: decodeHeader(headers.get('subject') ?? ''),
    from: decodeHeader(headers.get('from') ?? ''),
    to: decodeHeader(headers.get('to') ?? ''),
    text: null,
    html: null,
    parts: [],
  };
  const type = headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith('--'))
        .map((p) => splitHead(p.replace(/^\r\n/, '')))
    : [{ headers, body }];
  for (const p of parts) {
    const ct = p.headers.get('content-type') ?? 'text/plain';
    const content = decodePart(p.headers, p.body.replace(/\r\n$/, '')).replace(/\r\n/g, '\n');
    out.parts.push({ contentType: ct, content });
    if (ct.startsWith('text/plain')) out.text = content;
    if (ct.startsWith('text/html')) out.html = content;
  }
  return out;
}
