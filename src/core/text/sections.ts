// A text that people comment on or compare — a programme, a consulted document — is a list of
// numbered sections. Staff write it in Markdown or bring a Word file; both become the same list
// here: every heading starts a section, its numbering is kept when the author typed one ("2.1.
// Cele") and derived from the heading levels otherwise.
import { readDocx } from './docx.js';

export interface TextSection {
  /** Numbering as shown, e.g. `2.1`; `0` for text before the first heading. */
  number: string;
  heading: string;
  /** Markdown. */
  body: string;
}

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const TYPED_NUMBER = /^((?:§\s*)?\d+(?:\.\d+)*)\.?\s+(.+)$/;

/** Splits Markdown at its headings (ATX `#` headings; fenced code is left alone). */
export function sectionsFromMarkdown(markdown: string): TextSection[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const sections: TextSection[] = [];
  const counters: number[] = [];
  let current: { level: number; number: string; heading: string; body: string[] } | null = null;
  const preamble: string[] = [];
  let fenced = false;
  const flush = () => {
    if (current) sections.push({ number: current.number, heading: current.heading, body: current.body.join('\n').trim() });
  };
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : HEADING.exec(line);
    if (!m) {
      (current ? current.body : preamble).push(line);
      continue;
    }
    flush();
    const level = m[1]!.length;
    counters.length = level;
    for (let i = 0; i < level; i++) counters[i] ??= 0;
    counters[level - 1]! += 1;
    const text = m[2]!.trim();
    const typed = TYPED_NUMBER.exec(text);
    const number = typed ? typed[1]!.replace(/\s+/g, ' ') : counters.slice(counters.findIndex((c) => c > 0)).join('.');
    current = { level, number, heading: typed ? typed[2]!.trim() : text, body: [] };
  }
  flush();
  const intro = preamble.join('\n').trim();
  if (intro) sections.unshift({ number: '0', heading: '', body: intro });
  return sections;
}

/**
 * Word's paragraphs, headings and lists as Markdown, read off the event loop within size, time and
 * memory limits (docx.ts); a file over them is refused with a `DocxRefused` error.
 */
export async function markdownFromDocx(buffer: Buffer): Promise<string> {
  return readDocx(buffer);
}

/** A Word file as numbered sections (headings become sections). */
export async function sectionsFromDocx(buffer: Buffer): Promise<TextSection[]> {
  return sectionsFromMarkdown(await markdownFromDocx(buffer));
}
