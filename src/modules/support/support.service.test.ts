// Which centre serves a gmina on a day when the centres' periods and the subregions' membership
// change (the territory module's periods), an accreditation that lapses, and the staff reminders 60
// and 14 days before its end, sent once each by the daily job on a controlled clock (both databases).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../core/db/ids.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { ROPS_TORUN } from '../site/index.js';
import * as svc from './support.service.js';

const actor = { actorId: null, ip: null, requestId: null };
const BYDGOSZCZ = '0461011';
const NAKLO = '0410033';

let t: TestApp;
let clock: ManualClock;

before(async () => {
  clock = new ManualClock('2026-11-27T10:00:00Z');
  t = await createTestApp({ clock });
});
after(async () => t.close());

async function centre(name: string): Promise<string> {
  return svc.createCentre(t.ctx, { name, sources: '' }, actor);
}

/** A subregion period as a coordinator would enter it in the territory module (test set-up). */
async function subregion(code: string, from: string, to: string | null, powiaty: string[]): Promise<void> {
  const id = newId();
  const now = clock.now().toISOString();
  await t.ctx.db
    .insertInto('subregions')
    .values({
      id,
      code,
      name_pl: `Subregion ${code}`,
      name_en: `${code} area`,
      valid_from: from,
      valid_to: to,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.ctx.db
    .insertInto('subregion_members')
    .values(powiaty.map((p) => ({ subregion_id: id, powiat_teryt: p })))
    .execute();
}

describe('which centre serves a gmina on a day', () => {
  let a: string;
  let b: string;
  let c: string;
  before(async () => {
    a = await centre('Ośrodek A');
    b = await centre('Ośrodek B');
    c = await centre('Ośrodek C');
    // 2027: powiat nakielski leaves the Bydgoszcz subregion for a new one
    await subregion('bydgoszcz', '2027-01-01', null, ['0403', '0413', '0416', '0461']);
    await subregion('naklo', '2027-01-01', null, ['0410']);
    await svc.addArea(t.ctx, a, { subregion_code: 'bydgoszcz', area_from: '2024-01-01', area_to: '2025-06-30' }, actor);
    await svc.addArea(t.ctx, b, { subregion_code: 'bydgoszcz', area_from: '2025-07-01', area_to: '' }, actor);
    await svc.addArea(t.ctx, c, { subregion_code: 'naklo', area_from: '2027-01-01', area_to: '' }, actor);
  });

  it('follows the centres’ periods and the subregions’ membership', async () => {
    const on = async (gmina: string, day: string) => (await svc.servingCentre(t.ctx, gmina, day))?.centreId ?? null;
    assert.equal(await on(BYDGOSZCZ, '2023-12-31'), null, 'no subregion recorded before 2024');
    assert.equal(await on(BYDGOSZCZ, '2024-01-01'), a);
    assert.equal(await on(BYDGOSZCZ, '2025-06-30'), a);
    assert.equal(await on(BYDGOSZCZ, '2025-07-01'), b);
    assert.equal(await on(NAKLO, '2026-12-31'), b, 'Nakło is in the Bydgoszcz subregion until the end of 2026');
    assert.equal(await on(NAKLO, '2027-01-01'), c, 'and in its own subregion, served by C, from 2027');
    assert.equal(await on(BYDGOSZCZ, '2027-01-01'), b, 'B keeps Bydgoszcz in the new period (same subregion code)');
    assert.equal((await svc.servingCentre(t.ctx, NAKLO, '2027-03-01'))?.subregion.code, 'naklo');
  });

  it('refuses a second centre for a subregion on overlapping days, naming the first, and changes nothing', async () => {
    const before = await t.ctx.db.selectFrom('support_centre_areas').select('id').execute();
    await assert.rejects(
      svc.addArea(t.ctx, c, { subregion_code: 'bydgoszcz', area_from: '2026-01-01', area_to: '2026-03-31' }, actor),
      (err: { problems?: { key: string; params: Record<string, unknown> }[] }) =>
        err.problems?.some((p) => p.key === 'support.problem.areaTaken' && p.params.centre === 'Ośrodek B') === true,
    );
    assert.equal((await t.ctx.db.selectFrom('support_centre_areas').select('id').execute()).length, before.length);
  });

  it('records every staff change in the audit log', async () => {
    const rows = await t.ctx.db.selectFrom('audit_log').select(['action', 'subject_id']).where('subject_id', '=', c).execute();
    assert.deepEqual(rows.map((r) => r.action).sort(), ['support.area.create', 'support.centre.create']);
  });
});

describe('accreditation: lapsed with its date, reminders 60 and 14 days before the end', () => {
  let id: string;
  const outbox = () =>
    t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('template', '=', 'support_accreditation_reminder')
      .execute();

  before(async () => {
    await t.ctx.settings.set('site.institution', { ...ROPS_TORUN, email: 'owes@rops.example.pl' });
    id = await centre('Ośrodek z akredytacją');
    await svc.addAccreditation(
      t.ctx,
      id,
      {
        decision_number: 'DES-I.123.2025',
        decision_date: '2025-01-15',
        acc_from: '2025-02-01',
        acc_to: '2027-01-20',
        granting_body: 'Minister',
      },
      actor,
    );
  });

  it('sends the 60-day reminder once, then the 14-day one once, and none after the end', async () => {
    clock.set('2026-11-01T08:00:00Z'); // 80 days before the end
    await svc.sendAccreditationReminders(t.ctx);
    assert.equal((await outbox()).length, 0, 'too early');
    clock.set('2026-11-22T08:00:00Z'); // 59 days
    assert.match(await svc.sendAccreditationReminders(t.ctx), /1 sent/);
    assert.match(await svc.sendAccreditationReminders(t.ctx), /0 sent/, 'the same day again: nothing');
    clock.set('2026-12-20T08:00:00Z'); // 31 days
    await svc.sendAccreditationReminders(t.ctx);
    assert.equal((await outbox()).length, 1);
    clock.set('2027-01-06T08:00:00Z'); // 14 days
    await svc.sendAccreditationReminders(t.ctx);
    clock.set('2027-01-07T08:00:00Z');
    await svc.sendAccreditationReminders(t.ctx);
    const sent = await outbox();
    assert.equal(sent.length, 2);
    assert.ok(sent.every((m) => m.to_address === 'owes@rops.example.pl'));
    assert.match(sent[0]!.subject, /akredytacja ośrodka „Ośrodek z akredytacją” kończy się 2027-01-20/);
    assert.match(sent[0]!.text_body, /za 59 dni/);
    assert.match(sent[1]!.text_body, /za 14 dni/);
    clock.set('2027-01-25T08:00:00Z');
    await svc.sendAccreditationReminders(t.ctx);
    assert.equal((await outbox()).length, 2);
  });

  it('shows a lapsed accreditation with its date, on the page and in the API', async () => {
    clock.set('2027-01-21T08:00:00Z');
    const d = await svc.centreDetail(t.ctx, id, 'pl');
    assert.equal(d.accreditation.kind, 'lapsed');
    const page = await t.app.inject({ url: `/wsparcie/${id}` });
    assert.match(page.body, /Akredytacja tego ośrodka wygasła 20 stycznia 2027/);
    const en = await t.app.inject({ url: `/en/wsparcie/${id}` });
    assert.match(en.body, /lapsed on 20 January 2027/);
    const api = (await t.app.inject({ url: '/api/v1/wsparcie/osrodki' })).json() as {
      items: { id: string; accreditation_state: string; accreditation_valid_to: string }[];
    };
    const item = api.items.find((i) => i.id === id)!;
    assert.equal(item.accreditation_state, 'lapsed');
    assert.equal(item.accreditation_valid_to, '2027-01-20');
    clock.set('2026-11-27T10:00:00Z');
  });

  it('a renewal that follows the accreditation means no reminder', async () => {
    const renewed = await centre('Ośrodek przedłużony');
    const base = { decision_date: '', granting_body: 'Minister' };
    await svc.addAccreditation(t.ctx, renewed, { ...base, decision_number: 'A/1', acc_from: '2025-03-01', acc_to: '2027-01-31' }, actor);
    await svc.addAccreditation(t.ctx, renewed, { ...base, decision_number: 'A/2', acc_from: '2027-02-01', acc_to: '2029-01-31' }, actor);
    clock.set('2027-01-10T08:00:00Z');
    const before = (await outbox()).length;
    await svc.sendAccreditationReminders(t.ctx);
    assert.equal((await outbox()).length, before);
    clock.set('2026-11-27T10:00:00Z');
  });
});

describe('gminy by name', () => {
  it('matches without Polish letters and tells apart two gminy of one name', async () => {
    const options = await svc.gminaOptions(t.ctx, 'pl');
    assert.deepEqual(
      svc.matchGmina(options, 'naklo nad notecia').map((g) => g.teryt),
      [NAKLO],
    );
    const two = svc.matchGmina(options, 'GRUDZIADZ');
    assert.deepEqual(two.map((g) => g.teryt).sort(), ['0406012', '0462011']);
    assert.deepEqual(
      svc.matchGmina(options, two.find((g) => g.teryt === '0406012')!.label).map((g) => g.teryt),
      ['0406012'],
    );
    assert.deepEqual(svc.matchGmina(options, 'Atlantyda'), []);
  });
});
