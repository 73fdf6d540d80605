// Views of minutes: the secretary's form (a text per agenda item, approval) and the approved minutes
// as a public page with the attendance table and its totals, the guests, the decisions and votes.
import { ItemLinksView } from './agenda.views.js';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, FormField, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { AgendaRow } from './meetings.repo.js';
import { decisionText } from './minutes.document.js';
import type { Minutes } from './minutes.service.js';

export function MinutesEditView({
  bodyName,
  base,
  agenda,
  values,
  problems,
  csrf,
  notice,
  commentsUntil,
  comments,
}: {
  bodyName: string;
  base: string;
  agenda: AgendaRow[];
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  notice: string | null;
  commentsUntil: string | null;
  comments: { agenda_item_id: string; person_name: string; text: string }[];
}) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('bodies.minutes.edit')} lead={bodyName} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {problems.length ? <ErrorSummary problems={problems} /> : null}
      <form method="post" action={href(`${base}/protokol`)} novalidate>
        <CsrfField token={csrf} />
        {agenda.map((a) => (
          <FormField
            key={a.id}
            name={`item_${a.id}`}
            label={t('bodies.minutes.itemOf', { item: a.title })}
            hint={t('bodies.minutes.itemHint')}
            value={values[`item_${a.id}`] ?? ''}
            problems={problems}
            multiline
            rows={5}
          />
        ))}
        <Button>{t('bodies.minutes.save')}</Button>
      </form>
      <h2>{t('bodies.minutes.comments')}</h2>
      {commentsUntil ? <p>{t('bodies.minutes.draftOpen', { day: fmt.date(commentsUntil) })}</p> : null}
      <ul>
        {comments.map((c, n) => (
          <li key={n}>
            {agenda.find((a) => a.id === c.agenda_item_id)?.title}: {c.person_name} — {c.text}
          </li>
        ))}
      </ul>
      <form method="post" action={href(`${base}/protokol/projekt`)} novalidate>
        <CsrfField token={csrf} />
        <FormField
          name="comments_until"
          label={t('bodies.minutes.commentsUntil')}
          hint={t('bodies.minutes.commentsUntilHint')}
          value={values.comments_until ?? commentsUntil ?? ''}
          problems={problems}
          required
        />
        <Button variant="secondary">{t('bodies.minutes.publish')}</Button>
      </form>
      <form method="post" action={href(`${base}/protokol/zatwierdzenie`)}>
        <CsrfField token={csrf} />
        <Button variant="secondary">{t('bodies.minutes.approve')}</Button>
      </form>
    </>
  );
}

export function MinutesView({ m, title, pdfPath, itemsHtml }: { m: Minutes; title: string; pdfPath: string; itemsHtml: string[] }) {
  const { t, href, lang } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  return (
    <>
      <PageHeader title={title} lead={m.body.name} />
      <p>
        <a href={href(pdfPath)}>{t('bodies.minutes.pdf')}</a>
      </p>
      <p>
        {t('bodies.meeting.place')}: <span lang={pl}>{[m.meeting.place, m.meeting.online_url].filter(Boolean).join(', ')}</span>
      </p>
      <h2>{t('bodies.meeting.agenda')}</h2>
      <ol lang={pl}>
        {m.items.map((i) => (
          <li key={i.item.id}>
            {i.item.title}
            <ItemLinksView links={m.links?.get(i.item.id)} />
          </li>
        ))}
      </ol>
      <h2>{t('bodies.attendance.title')}</h2>
      <p>{t('bodies.attendance.totals', { invited: m.invited, present: m.present })}</p>
      <div class="table-wrap">
        <table>
          <caption>{t('bodies.attendance.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bodies.col.person')}</th>
              <th scope="col">{t('bodies.attendance.status')}</th>
            </tr>
          </thead>
          <tbody>
            {m.attendance.map((a, n) => (
              <tr key={n}>
                <th scope="row" lang={pl}>
                  {a.name}
                </th>
                <td>{t(`bodies.attendance.statuses.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.guests.length ? (
        <p>
          {t('bodies.attendance.guests')}: <span lang={pl}>{m.guests.join(', ')}</span>
        </p>
      ) : null}
      <h2>{t('bodies.minutes.decisions')}</h2>
      {m.items.map((i, n) => (
        <section key={i.item.id} aria-labelledby={`item-${i.item.id}`}>
          <h3 id={`item-${i.item.id}`} lang={pl}>
            {n + 1}. {i.item.title}
          </h3>
          <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: itemsHtml[n] ?? '' }} />
          <p>
            {t('bodies.vote.title')}: {decisionText(t, i)}
          </p>
        </section>
      ))}
    </>
  );
}

export function DraftMinutesView({
  title,
  bodyName,
  agenda,
  texts,
  mine,
  open,
  until,
  action,
  values,
  problems,
  csrf,
  notice,
}: {
  title: string;
  bodyName: string;
  agenda: AgendaRow[];
  texts: string[];
  mine: Map<string, string>;
  open: boolean;
  until: string;
  action: string;
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t, href, fmt, lang } = usePage();
  const pl = lang === 'en' ? 'pl' : undefined;
  return (
    <>
      <PageHeader title={title} lead={bodyName} />
      {notice ? (
        <Alert kind="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <p>{open ? t('bodies.minutes.draftOpen', { day: fmt.date(until) }) : t('bodies.minutes.draftClosed')}</p>
      {problems.length ? <ErrorSummary problems={problems} /> : null}
      <form method="post" action={href(action)} novalidate>
        <CsrfField token={csrf} />
        {agenda.map((a, n) => (
          <section key={a.id} aria-labelledby={`d-${a.id}`}>
            <h2 id={`d-${a.id}`} lang={pl}>
              {n + 1}. {a.title}
            </h2>
            <div class="prose" lang={pl} dangerouslySetInnerHTML={{ __html: texts[n] ?? '' }} />
            {mine.has(a.id) ? (
              <p>{t('bodies.minutes.yourComment', { text: mine.get(a.id)! })}</p>
            ) : open ? (
              <FormField
                name={`c_${a.id}`}
                label={t('bodies.minutes.commentOn', { item: a.title })}
                hint={t('bodies.minutes.commentOnHint')}
                value={values[`c_${a.id}`] ?? ''}
                problems={problems}
                multiline
                rows={3}
              />
            ) : null}
          </section>
        ))}
        {open && agenda.some((a) => !mine.has(a.id)) ? <Button>{t('bodies.minutes.sendComments')}</Button> : null}
      </form>
    </>
  );
}

export function DraftList({ slug, meetings }: { slug: string; meetings: { id: string; starts_at: string }[] }) {
  const { t, href, fmt } = usePage();
  if (meetings.length === 0) return null;
  return (
    <section aria-labelledby="drafts">
      <h2 id="drafts">{t('bodies.minutes.drafts')}</h2>
      <ul>
        {meetings.map((m) => (
          <li key={m.id}>
            <a href={href(`/zespoly/${slug}/dla-czlonkow/protokoly/${m.id}`)}>
              {t('bodies.minutes.draftOf', { when: fmt.dateTime(m.starts_at) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
