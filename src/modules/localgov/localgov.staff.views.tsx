// The frame every localgov staff form and entry list shares (cooperation records, awards, good
// practices): the page heading, the "saved" notice, the summary of problems, the posted form with
// its CSRF field and save button around the sub-feature's own fields, and a list's "add" button.
import type { ComponentChildren } from 'preact';
import type { Problem } from '../../core/errors/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { UnitOption } from './localgov.units.js';

/** What a staff form view is given. */
export interface StaffFormProps {
  csrf: string;
  /** The entry's id, null for a new one. */
  id: string | null;
  values: Record<string, string>;
  problems: Problem[];
  units: UnitOption[];
  saved: boolean;
  title: string;
}

export function StaffForm(props: {
  title: string;
  saved?: boolean;
  problems: Problem[];
  csrf: string;
  /** Where the form posts (not yet localised). */
  action: string;
  children: ComponentChildren;
}) {
  const { t, href } = usePage();
  return (
    <>
      <PageHeader title={props.title} />
      {props.saved ? (
        <Alert kind="success">
          <p>{t('localgov.admin.saved')}</p>
        </Alert>
      ) : null}
      <ErrorSummary problems={props.problems} />
      <form method="post" action={href(props.action)} novalidate>
        <CsrfField token={props.csrf} />
        {props.children}
        <Button>{t('localgov.admin.save')}</Button>
      </form>
    </>
  );
}

/** A staff list's heading with its button to a new entry's form. */
export function StaffListHeader({ title, addPath, addLabel }: { title: string; addPath: string; addLabel: string }) {
  const { href } = usePage();
  return (
    <>
      <PageHeader title={title} />
      <p>
        <a class="button button--secondary" href={href(addPath)}>
          {addLabel}
        </a>
      </p>
    </>
  );
}
