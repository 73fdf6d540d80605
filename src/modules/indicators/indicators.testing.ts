// Test helpers for indicators: a programme, its elements and indicator rows written straight into the
// database (shared from src/testing/programmes.ts), so tests of values, rounds and pages do not depend
// on the admin forms; a registry entity; a signed-in staff member posting the indicator forms and the
// cells of a page's table, which the route tests share; and the indicator
// functions the browser suite builds its pages with (it reaches modules only through index.ts and
// *.testing.ts files).
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../../core/db/ids.js';
import type { ModuleContext } from '../../core/module.js';
import { csrfFrom, loginAs, type TestApp } from '../../testing/app.js';

export { seedIndicatorsDemo } from './indicators.seed.js';
export { submitValue } from './indicators.values.js';
export { refreshComputedNow } from './computed/computed.service.js';
export { publishReport } from './report/report.service.js';
export { insertTestElement, insertTestIndicator, insertTestProgramme } from '../../testing/programmes.js';

/** A registry entity (and optionally a PS status grant) written straight into the database. */
export async function insertTestEntity(
  ctx: Pick<ModuleContext, 'db'>,
  over: { gmina: string | null; registered?: string | null; psGranted?: string },
): Promise<string> {
  const id = newId();
  const at = '2026-01-10T00:00:00.000Z';
  await ctx.db
    .insertInto('entities')
    .values({
      id,
      name: `Podmiot ${id.slice(-6)}`,
      name_sort: `podmiot ${id.slice(-6)}`,
      legal_form: 'spoldzielnia_socjalna',
      registration_date: over.registered ?? '2015-01-01',
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: over.gmina,
      search_doc: '',
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (over.psGranted)
    await ctx.db
      .insertInto('entity_ps_status')
      .values({
        id: newId(),
        entity_id: id,
        kind: 'granted',
        ps_type: null,
        decision_number: null,
        decision_date: over.psGranted,
        loss_reason: null,
      })
      .execute();
  return id;
}

/** A staff member signed in to a programme's indicator pages, with the CSRF token of its forms. */
export interface IndicatorStaff {
  /** The session cookie, for GET requests. */
  cookie: string;
  csrf: string;
  /** The programme's new-indicator form. */
  newUrl: string;
  /** POSTs a form to `url` with the CSRF token (a list: the field repeated, as ticked checkboxes send it). */
  post(url: string, values: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse>;
}

/** Signs in a coordinator (or `role`) and opens the programme's new-indicator form for its CSRF token. */
export async function indicatorStaff(t: TestApp, programmeId: string, role = 'coordinator'): Promise<IndicatorStaff> {
  const { cookie } = await loginAs(t, [{ role }]);
  const newUrl = `/admin/program/${programmeId}/wskazniki/nowy`;
  const page = await t.app.inject({ url: newUrl, headers: { cookie } });
  assert.equal(page.statusCode, 200);
  const csrf = csrfFrom(page.body);
  return {
    cookie,
    csrf,
    newUrl,
    post(url, values) {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [k, v] of Object.entries(values)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    },
  };
}

/** The rows (header row left out) of the table with this caption, cells as text: tags removed, `&lt;` and spaces decoded. */
export function tableCells(html: string, caption: string): string[][] {
  const i = html.indexOf(`<caption>${caption}</caption>`);
  assert.ok(i >= 0, `table "${caption}" not found`);
  const table = html.slice(i, html.indexOf('</table>', i));
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1).map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&nbsp;|\u00a0/g, ' ')
        .trim(),
    ),
  );
}
