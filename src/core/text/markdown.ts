// Editors write Markdown; visitors get HTML. Two layers keep it safe: markdown-it with raw HTML
// switched off, then sanitize-html with a short allow-list (whatever slips through the first layer
// stops at the second). External links get rel="noopener"; images may only come from this site
// (the CSP allows nothing else anyway). Heading order is checked so the page outline stays usable
// by screen-reader users: the page title is the h1, the body starts at h2 and never skips a level.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'b',
  'i',
  'a',
  'blockquote',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'del',
  's',
  'sup',
  'sub',
  'abbr',
];

/** True for absolute http(s) URLs (other hosts); relative links and fragments stay internal. */
function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href) || href.startsWith('//');
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'alt', 'title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // the h1 is the page title; a body h1 becomes an h2 in output (the editor is also told)
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const out: Record<string, string> = { ...attribs };
      if (isExternal(href)) out.rel = 'noopener';
      else delete out.rel;
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => {
      const src = attribs.src ?? '';
      // only this site's own images: a path starting with one slash
      const ok = /^\/(?!\/)[^\s]*$/.test(src);
      return ok ? { tagName, attribs: { ...attribs, alt: attribs.alt ?? '' } } : { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
};

/** Sanitises HTML from any source with this allow-list. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Markdown → safe HTML. */
export function renderMarkdown(source: string): string {
  return sanitize(md.render(source));
}

/** Plain text of a Markdown source (for snippets, feeds' summaries and search). */
export function markdownToText(source: string): string {
  return sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HeadingProblem {
  kind: 'h1' | 'skip';
  /** The offending heading's level and the level before it. */
  level: number;
  previous: number;
  text: string;
}

/** Heading order problems of a Markdown source; the body starts below the page's h1. */
export function headingProblems(source: string): HeadingProblem[] {
  const tokens = md.parse(source, {});
  const problems: HeadingProblem[] = [];
  let previous = 1;
  for (let i = 0; i < tokens.length; i += 1) {
    const tok = tokens[i]!;
    if (tok.type !== 'heading_open') continue;
    const level = Number(tok.tag.slice(1));
    const text = tokens[i + 1]?.content ?? '';
    if (level === 1) problems.push({ kind: 'h1', level, previous, text });
    else if (level > previous + 1) problems.push({ kind: 'skip', level, previous, text });
    previous = level;
  }
  return problems;
}

/** Shortens text at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
