// Views of minutes: the secretary's form (a text per agenda item, approval) and the approved minutes
// as a public page with the attendance table and its totals, the guests, the decisions and votes.
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
}: {
  bodyName: string;
  base: string;
  agenda: AgendaRow[];
  values: Record<string, string | undefined>;
  problems: Problem[];
  csrf: string;
  notice: string | null;
}) {
  const { t, href } = usePage();
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
          <li key={i.item.id}>{i.item.title}</li>
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
