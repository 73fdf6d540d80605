// Word-level comparison of two texts, and of two lists of numbered sections. Used where people
// need to see what changed between versions of a programme or a consulted document; the UI marks
// the parts with <ins>/<del> and words, so the difference never rests on colour.
import { diffWordsWithSpace } from 'diff';
import type { TextSection } from './sections.js';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

export interface SectionChange {
  kind: 'unchanged' | 'changed' | 'added' | 'removed';
  before: TextSection | null;
  after: TextSection | null;
  /** Word-level difference of heading and body, when the section exists on both sides. */
  heading: DiffPart[];
  body: DiffPart[];
}

const key = (s: TextSection) => s.number;
const norm = (s: string) => s.trim().toLocaleLowerCase('pl');

/**
 * Pairs sections with the same number and heading, then the rest by heading (a renumbered section
 * is "changed", not removed and added), then by number (a retitled section); keeps the order of
 * the newer text, with removed sections placed where they stood.
 */
export function compareSections(before: readonly TextSection[], after: readonly TextSection[]): SectionChange[] {
  const matched = new Map<TextSection, TextSection>();
  const used = new Set<TextSection>();
  const pass = (same: (b: TextSection, a: TextSection) => boolean) => {
    for (const a of after) {
      if (matched.has(a)) continue;
      const b = before.find((s) => !used.has(s) && same(s, a));
      if (b) {
        matched.set(a, b);
        used.add(b);
      }
    }
  };
  pass((b, a) => key(b) === key(a) && norm(b.heading) === norm(a.heading));
  pass((b, a) => Boolean(a.heading) && norm(b.heading) === norm(a.heading));
  pass((b, a) => key(b) === key(a));
  const out: SectionChange[] = [];
  const pairOf = (b: TextSection, a: TextSection): SectionChange => {
    const same = b.heading === a.heading && b.body === a.body && b.number === a.number;
    return {
      kind: same ? 'unchanged' : 'changed',
      before: b,
      after: a,
      heading: wordDiff(`${b.number} ${b.heading}`.trim(), `${a.number} ${a.heading}`.trim()),
      body: wordDiff(b.body, a.body),
    };
  };
  let beforeIndex = 0;
  const flushRemoved = (upTo: number) => {
    for (; beforeIndex < upTo; beforeIndex++) {
      const b = before[beforeIndex]!;
      if (!used.has(b))
        out.push({
          kind: 'removed',
          before: b,
          after: null,
          heading: [{ kind: 'removed', text: `${b.number} ${b.heading}`.trim() }],
          body: [{ kind: 'removed', text: b.body }],
        });
    }
  };
  for (const a of after) {
    const b = matched.get(a);
    if (b) {
      const at = before.indexOf(b);
      if (at >= beforeIndex) {
        flushRemoved(at);
        beforeIndex = at + 1;
      }
      out.push(pairOf(b, a));
    } else {
      out.push({
        kind: 'added',
        before: null,
        after: a,
        heading: [{ kind: 'added', text: `${a.number} ${a.heading}`.trim() }],
        body: [{ kind: 'added', text: a.body }],
      });
    }
  }
  flushRemoved(before.length);
  return out;
}
