// The approved minutes as text: the decision sentence of a vote (shared by the page and the PDF) and
// the export document (core/export) the tagged PDF is rendered from.
import type { ExportDocument } from '../../core/export/index.js';
import { blocksFromMarkdown } from '../../core/export/index.js';
import type { T } from '../../i18n/index.js';
import type { ItemDecision } from './attendance.service.js';
import type { Minutes } from './minutes.service.js';
import type { ItemLinks } from './agenda.service.js';

/** The counts of a vote, at a meeting or in a written procedure. */
export interface VoteCounted {
  votes_for: number;
  votes_against: number;
  votes_abstained: number;
}

type Decided = Pick<ItemDecision, 'outcome'> & { vote: VoteCounted | null };

/**
 * The parts of the decision sentence — the counts, the result and the rule applied — or the whole
 * sentence when there is no result ("no vote", or the counts when the body's rules are unknown).
 * The page sets the result in bold; the PDF and the register write it plain (`decisionText`).
 */
export function decisionParts(t: T, d: Decided): string | { counts: string; result: string; rule: string } {
  if (!d.vote) return t('bodies.vote.none');
  const counts = t('bodies.vote.counts', { for: d.vote.votes_for, against: d.vote.votes_against, abstained: d.vote.votes_abstained });
  if (!d.outcome) return `${counts}. ${t('bodies.vote.noRules')}`;
  const o = d.outcome;
  const rule =
    o.rule === 'quorum'
      ? t('bodies.vote.ruleQuorum', { present: o.present, needed: o.needed })
      : o.rule === 'simple'
        ? t('bodies.vote.ruleSimple')
        : t('bodies.vote.ruleAbsolute', { needed: o.needed });
  return { counts, result: t(`bodies.vote.results.${o.result}`), rule };
}

/** "for 3, against 1, abstained 0 — adopted. Simple majority: …" (or "no vote"). */
export function decisionText(t: T, d: Decided): string {
  const parts = decisionParts(t, d);
  return typeof parts === 'string' ? parts : `${parts.counts} — ${parts.result}. ${parts.rule}`;
}

/** An item's linked object and documents as text (the PDF has no links: the titles, then the object's address). */
function linkLines(t: T, links: ItemLinks | undefined): string[] {
  if (!links) return [];
  const out: string[] = [];
  if (links.object)
    out.push(`${t('bodies.agenda.concernsLabel')} ${links.object.labelKey ? `${t(links.object.labelKey)}: ` : ''}${links.object.title}`);
  if (links.documents.length) out.push(`${t('bodies.agenda.documents')}: ${links.documents.map((d) => d.title).join('; ')}`);
  return out;
}

export function minutesDocument(m: Minutes, t: T, lang: 'pl' | 'en', when: string, author: string): ExportDocument {
  return {
    lang,
    title: t('bodies.minutes.title', { when }),
    subtitle: m.body.name,
    author,
    blocks: [
      { kind: 'paragraph', text: `${t('bodies.meeting.place')}: ${[m.meeting.place, m.meeting.online_url].filter(Boolean).join(', ')}` },
      { kind: 'heading', level: 2, text: t('bodies.meeting.agenda') },
      { kind: 'list', items: m.items.map((i) => [i.item.title, ...linkLines(t, m.links?.get(i.item.id))].join(' — ')) },
      { kind: 'heading', level: 2, text: t('bodies.attendance.title') },
      { kind: 'paragraph', text: t('bodies.attendance.totals', { invited: m.invited, present: m.present }) },
      {
        kind: 'table',
        caption: t('bodies.attendance.title'),
        head: [t('bodies.col.person'), t('bodies.attendance.status')],
        rows: m.attendance.map((a) => [a.name, t(`bodies.attendance.statuses.${a.status}`)]),
      },
      ...(m.guests.length ? [{ kind: 'paragraph' as const, text: `${t('bodies.attendance.guests')}: ${m.guests.join(', ')}` }] : []),
      ...m.items.flatMap((i, n) => [
        { kind: 'heading' as const, level: 2 as const, text: `${n + 1}. ${i.item.title}` },
        ...blocksFromMarkdown(i.text),
        { kind: 'paragraph' as const, text: `${t('bodies.vote.title')}: ${decisionText(t, i)}` },
      ]),
    ],
  };
}
