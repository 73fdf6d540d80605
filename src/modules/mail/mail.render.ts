// Turns a template name, a language and parameters into an e-mail: subject and plain-text body from
// the `mail.<template>` i18n keys, and an HTML part generated from that text (escaped, paragraphs,
// links), both with a footer naming the institution. Parameters are data, never markup: they are escaped
// in HTML, flattened to one line (except a free-text message), and only the `link` parameter
// (and URLs written in the template itself) become links, so a display name such as "http://phish.example" stays inert text.
// The mail module knows no other module's templates: each module adds its own to `MailTemplates`.
import { translator, type Lang, type TKey } from '../../i18n/index.js';
import type { MailTemplates } from './index.js';

export type MailTemplate = keyof MailTemplates;

interface MailOf<K extends MailTemplate> {
  to: string;
  lang: Lang;
  template: K;
  params: MailTemplates[K];
  /** What the message is about (`consultation:<id>`), for `eraseMailAbout`; not rendered. */
  about?: string;
  /**
   * Further alternative representations of the same message, sent beside the text and HTML parts as
   * they are given (not rendered), e.g. `{ contentType: 'text/calendar; charset=utf-8; method=REQUEST', content }`.
   */
  alternatives?: MailAlternative[];
  /** Where an answer should go (the Reply-To header), when not to the sender (e.g. the visitor who wrote); not rendered. */
  replyTo?: string;
}

export interface MailAlternative {
  /** The part's full Content-Type, parameters included. */
  contentType: string;
  content: string;
}

/** One message to render: a declared template with exactly the parameters it declares. */
export type MailRequest = { [K in MailTemplate]: MailOf<K> }[MailTemplate];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The parameters a template's text uses in one language (its `{{name}}` placeholders). */
export function templateParams(template: string, lang: Lang): string[] {
  const t = translator(lang);
  const texts = [`mail.${template}.subject`, `mail.${template}.body`].map((key) => {
    const text = t(key as TKey);
    if (text === key) throw new Error(`mail template ${template} has no ${key} in ${lang}`);
    return text;
  });
  return [...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)))];
}

const LINK_PARAMS = new Set(['link']);
// markers (private-use characters) put in place of parameters while the HTML is built; parameter
// values are stripped of them first, so a value can never forge one
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER_CHARS = /[\uE000\uE001]/g;
const MARKER = /\uE000([A-Za-z0-9_]+)\uE001/g;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'\uE000\uE001]+/g;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One line of plain text: control characters (line breaks included) become single spaces. */
function oneLine(v: string): string {
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Free text typed by a person (a contact message): line breaks are kept, other controls dropped. */
const MULTILINE_PARAMS = new Set(['message']);

function multiLine(v: string): string {
  return (
    v
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]+/g, ' ')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function anchor(url: string): string {
  return `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
}

/** Escapes template text and links the URLs written in it (trailing punctuation stays outside). */
function templateTextToHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    out += escapeHtml(text.slice(last, m.index)) + anchor(url);
    last = m.index + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

function paramToHtml(name: string, value: string): string {
  if (LINK_PARAMS.has(name) && isHttpUrl(value)) return anchor(value);
  return MULTILINE_PARAMS.has(name) ? escapeHtml(value).replaceAll('\n', '<br>\n') : escapeHtml(value);
}

/** Plain text → HTML body: blank lines separate paragraphs, single line breaks become <br>. */
function bodyToHtml(withMarkers: string, params: Record<string, string>): string {
  return withMarkers
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => {
      const lines = para
        .split('\n')
        .map((line) => templateTextToHtml(line).replace(MARKER, (_, name: string) => paramToHtml(name, params[name] ?? '')));
      return `<p>${lines.join('<br>\n')}</p>`;
    })
    .join('\n');
}

export function renderMail(mail: MailRequest): RenderedMail {
  const given: Record<string, string> = mail.params;
  const missing = templateParams(mail.template, mail.lang).filter((p) => !given[p]);
  if (missing.length > 0) throw new Error(`mail template ${mail.template} needs ${missing.join(', ')}`);
  const t = translator(mail.lang);
  const params: Record<string, string> = {};
  const markers: Record<string, string> = {};
  for (const [k, v] of Object.entries(given)) {
    params[k] = (MULTILINE_PARAMS.has(k) ? multiLine(v) : oneLine(v)).replace(MARKER_CHARS, '');
    markers[k] = `${OPEN}${k}${CLOSE}`;
  }
  const subjectKey = `mail.${mail.template}.subject` as TKey;
  const bodyKey = `mail.${mail.template}.body` as TKey;
  const subject = oneLine(t(subjectKey, params));
  const body = t(bodyKey, params);
  const footer = t('mail.footer');
  const text = `${body}\n\n-- \n${footer}\n`;
  const html = [
    '<!doctype html>',
    `<html lang="${mail.lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body>',
    bodyToHtml(t(bodyKey, markers), params),
    '<hr>',
    `<p><small>${escapeHtml(footer)}</small></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
