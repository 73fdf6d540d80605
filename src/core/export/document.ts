// The export core: one small, domain-free document model that modules fill (an annual report, a
// consultation report…) and that pdf.ts and docx.ts turn into a tagged PDF and a Word file. The model
// is deliberately poor — headings, paragraphs, lists, tables, figures — so that both renderers can
// give every block its proper accessible structure (H1–H4, P, L/LI, Table/TH/TD, Figure with Alt).
import MarkdownIt from 'markdown-it';

export type ExportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'figure'; svg: string; alt: string; caption: string };

export interface ExportDocument {
  lang: 'pl' | 'en';
  title: string;
  subtitle?: string;
  author: string;
  /** e.g. "PROJEKT" on drafts: drawn on every page (PDF) and in the header (DOCX). */
  watermark?: string;
  blocks: ExportBlock[];
}

const md = new MarkdownIt({ html: false, linkify: false });

type Token = ReturnType<typeof md.parse>[number];

/** Inline children as plain text: emphasis and links lose their markup, breaks become spaces. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let out = '';
  for (const child of token.children) {
    if (child.type === 'text' || child.type === 'code_inline') out += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') out += ' ';
    else if (child.type === 'image') out += child.content;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Markdown written by staff (narratives, consulted text) as export blocks: headings (levels deeper
 * than 4 become 4), paragraphs, lists (nested items flattened into the same list), block quotes and
 * code as paragraphs. Inline formatting is kept as plain text — the documents are read, not styled.
 */
export function blocksFromMarkdown(source: string): ExportBlock[] {
  const tokens = md.parse(source ?? '', {});
  const blocks: ExportBlock[] = [];
  let list: string[] | null = null;
  let listDepth = 0;
  // Text of the open list items, innermost last; a nested list first emits its parent's text.
  const itemStack: string[][] = [];
  const flushItem = (parts: string[] | undefined) => {
    const text = (parts ?? []).join(' ').trim();
    if (text && list) list.push(text);
    if (parts) parts.length = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open': {
        const level = Math.min(4, Math.max(1, Number(t.tag.slice(1)))) as 1 | 2 | 3 | 4;
        const text = inlineText(tokens[i + 1]);
        if (text) blocks.push({ kind: 'heading', level, text });
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (listDepth === 0) list = [];
        else flushItem(itemStack[itemStack.length - 1]);
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        if (listDepth === 0 && list) {
          if (list.length > 0) blocks.push({ kind: 'list', items: list });
          list = null;
        }
        break;
      case 'list_item_open':
        itemStack.push([]);
        break;
      case 'list_item_close':
        flushItem(itemStack.pop());
        break;
      case 'inline': {
        const text = inlineText(t);
        if (!text) break;
        if (list && itemStack.length > 0) itemStack[itemStack.length - 1]!.push(text);
        else blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'fence':
      case 'code_block': {
        const text = t.content.trim();
        if (!text) break;
        if (list && itemStack.length > 0) itemStack[itemStack.length - 1]!.push(text);
        else blocks.push({ kind: 'paragraph', text });
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}
