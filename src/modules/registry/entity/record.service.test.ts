// The record's rules alone: the statutory PS employment conditions at and around their
// thresholds, the consistency of a year's figures, the legal order of a PS status history, and
// the field checks of PKD codes, coordinates, dates and marks. No database needed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppError } from '../../../core/errors/app-error.js';
import { checkConditions, figureProblems, formatFte, parseFte, type EmploymentFigures } from './employment.js';
import {
  checkActivityForm,
  checkEmploymentForm,
  checkMarkForm,
  checkPsForm,
  normalisePkd,
  psSequenceProblem,
  psStateOn,
} from './record.service.js';
import type { PsEntryRow } from './record.repo.js';
import { creatingBodyOf, legalFormOf } from './registry.service.js';

/** The fields of a refused form, in order. */
function refusedFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (isAppError(err) && err.code === 'http.validation') return err.problems.map((p) => p.field ?? '');
    throw err;
  }
  assert.fail('the form was accepted');
}

const figures = (over: Partial<EmploymentFigures> = {}): EmploymentFigures => ({
  year: 2024,
  headcount: 10,
  employees: 10,
  fteHundredths: 800,
  employeesHalfTime: 6,
  atRisk: 4,
  atRiskHalfTime: 3,
  categories: {},
  source: null,
  ...over,
});

describe('statutory PS employment conditions', () => {
  test('at least 3 employees at ≥ ½ FTE: 3 holds, 2 does not', () => {
    assert.equal(checkConditions(figures({ employeesHalfTime: 3 }), 'social_services').holds, true);
    const two = checkConditions(figures({ employeesHalfTime: 2 }), 'social_services');
    assert.equal(two.holds, false);
    assert.deepEqual(two.minEmployees, { holds: false, count: 2 });
  });

  test('reintegration type: exactly 30 % holds, just under does not', () => {
    const exact = checkConditions(figures({ employees: 10, atRiskHalfTime: 3 }), 'reintegration');
    assert.equal(exact.atRiskShare.holds, true);
    assert.equal(exact.atRiskShare.percent, 30);
    assert.equal(exact.holds, true);
    // 2 of 7 is 28.6 %; 3 of 9 is 33.3 %
    assert.equal(checkConditions(figures({ employees: 7, employeesHalfTime: 5, atRiskHalfTime: 2 }), 'reintegration').holds, false);
    const third = checkConditions(figures({ employees: 9, employeesHalfTime: 5, atRiskHalfTime: 3 }), 'reintegration');
    assert.equal(third.holds, true);
    assert.equal(third.atRiskShare.percent, 33.3);
  });

  test('the at-risk share counts only at-risk employees at ≥ ½ FTE', () => {
    const c = checkConditions(figures({ employees: 10, atRisk: 5, atRiskHalfTime: 2 }), 'reintegration');
    assert.equal(c.atRiskShare.holds, false);
    assert.equal(c.atRiskShare.percent, 20);
  });

  test('social services type and no type: the share does not apply', () => {
    const services = checkConditions(figures({ atRiskHalfTime: 0 }), 'social_services');
    assert.equal(services.atRiskShare.applies, false);
    assert.equal(services.holds, true);
    assert.equal(checkConditions(figures({ atRiskHalfTime: 0 }), null).holds, true);
    assert.equal(checkConditions(figures({ atRiskHalfTime: 0 }), 'reintegration').holds, false);
  });

  test('no employees: nothing holds and the share has no percentage', () => {
    const none = checkConditions({ employees: 0, employeesHalfTime: 0, atRiskHalfTime: 0 }, 'reintegration');
    assert.equal(none.holds, false);
    assert.equal(none.atRiskShare.percent, null);
    assert.equal(none.atRiskShare.holds, false);
  });

  test('figures must nest: headcount ⊇ employees ⊇ half-time, at-risk ⊆ employees, FTE between ½ and 1 per person', () => {
    assert.deepEqual(figureProblems(figures()), []);
    assert.deepEqual(figureProblems(figures({ headcount: 9 })), [['employees', 'exceedsHeadcount']]);
    assert.deepEqual(figureProblems(figures({ employeesHalfTime: 11, fteHundredths: 1000 })), [['employeesHalfTime', 'exceedsEmployees']]);
    assert.deepEqual(figureProblems(figures({ atRiskHalfTime: 5 })), [['atRiskHalfTime', 'exceedsAtRisk']]);
    assert.deepEqual(figureProblems(figures({ employeesHalfTime: 3, atRisk: 5, atRiskHalfTime: 4 })), [
      ['atRiskHalfTime', 'exceedsHalfTime'],
    ]);
    assert.deepEqual(figureProblems(figures({ fteHundredths: 1001 })), [['fteHundredths', 'fteTooHigh']]);
    assert.deepEqual(figureProblems(figures({ fteHundredths: 299 })), [['fteHundredths', 'fteTooLow']]);
    assert.deepEqual(figureProblems(figures({ fteHundredths: 300 })), []);
    assert.deepEqual(figureProblems(figures({ categories: { disabled: 5, unemployed: 4 } })), [['category.disabled', 'exceedsAtRisk']]);
  });

  test('FTE is read with a comma or a dot and kept exact in hundredths', () => {
    assert.equal(parseFte('4,75'), 475);
    assert.equal(parseFte('4.5'), 450);
    assert.equal(parseFte('3'), 300);
    assert.equal(parseFte('0.05'), 5);
    for (const bad of ['-1', '1.234', 'abc', '', '1,2,3']) assert.equal(parseFte(bad), null, bad);
    assert.equal(formatFte(475), '4.75');
  });

  test('the employment form names every bad field and refuses inconsistent figures', () => {
    const good = {
      year: '2024',
      headcount: '12',
      employees: '10',
      fte: '8,5',
      employees_half_time: '6',
      at_risk: '4',
      at_risk_half_time: '3',
      cat_disabled: '2',
      source: 'sprawozdanie',
    };
    const f = checkEmploymentForm(good, 2026);
    assert.equal(f.fteHundredths, 850);
    assert.deepEqual(f.categories, { disabled: 2 });
    assert.deepEqual(
      refusedFields(() => checkEmploymentForm({ ...good, year: '2027' }, 2026)),
      ['year'],
    );
    assert.deepEqual(
      refusedFields(() => checkEmploymentForm({ ...good, year: '1999', headcount: '-1', fte: 'x' }, 2026)),
      ['year', 'headcount', 'fte'],
    );
    assert.deepEqual(
      refusedFields(() => checkEmploymentForm({ ...good, at_risk_half_time: '7' }, 2026)),
      ['at_risk_half_time'],
    );
    assert.deepEqual(
      refusedFields(() => checkEmploymentForm({ ...good, cat_refugee: '5' }, 2026)),
      ['cat_refugee'],
    );
    // the year of an edited row comes from its address, not from the form
    assert.equal(checkEmploymentForm({ ...good, year: 'nonsense' }, 2026, 2023).year, 2023);
  });
});

describe('PS status history', () => {
  const g = (d: string) => ({ kind: 'granted' as const, decision_date: d });
  const l = (d: string) => ({ kind: 'lost' as const, decision_date: d });

  test('legal sequences alternate, starting with a grant', () => {
    assert.equal(psSequenceProblem([]), null);
    assert.equal(psSequenceProblem([g('2023-01-10')]), null);
    assert.equal(psSequenceProblem([g('2023-01-10'), l('2024-05-01'), g('2025-02-01')]), null);
    // the order given does not matter, the dates do
    assert.equal(psSequenceProblem([l('2024-05-01'), g('2023-01-10')]), null);
  });

  test('a loss without a grant, a grant while held, a loss before its grant and two entries on one day are refused', () => {
    assert.deepEqual(psSequenceProblem([l('2024-05-01')]), { key: 'lossWithoutGrant', date: '2024-05-01' });
    assert.deepEqual(psSequenceProblem([g('2023-01-10'), g('2024-01-10')]), { key: 'grantWhileHeld', date: '2024-01-10' });
    assert.deepEqual(psSequenceProblem([g('2023-01-10'), l('2022-12-31')]), { key: 'lossWithoutGrant', date: '2022-12-31' });
    assert.deepEqual(psSequenceProblem([g('2023-01-10'), l('2023-01-10')]), { key: 'sameDay', date: '2023-01-10' });
    assert.deepEqual(psSequenceProblem([g('2023-01-10'), l('2024-01-10'), l('2025-01-10')]), {
      key: 'lossWithoutGrant',
      date: '2025-01-10',
    });
  });

  test('the status on a day is the latest entry up to it', () => {
    const row = (kind: 'granted' | 'lost', d: string, type: 'reintegration' | 'social_services' | null = null): PsEntryRow => ({
      id: d,
      entity_id: 'e',
      kind,
      ps_type: type,
      decision_number: kind === 'granted' ? `N/${d}` : null,
      decision_date: d,
      loss_reason: null,
    });
    const h = [row('granted', '2023-01-10', 'reintegration'), row('lost', '2024-05-01'), row('granted', '2025-02-01', 'social_services')];
    assert.deepEqual(psStateOn(h), { has: true, type: 'social_services', since: '2025-02-01', decisionNumber: 'N/2025-02-01' });
    assert.equal(psStateOn(h, '2023-12-31').type, 'reintegration');
    assert.equal(psStateOn(h, '2024-12-31').has, false);
    assert.equal(psStateOn(h, '2022-12-31').has, false);
  });

  test('grant and loss forms: required fields, real dates, not in the future', () => {
    const ok = checkPsForm(
      { ps_type: 'reintegration', decision_number: 'WPS-I.9.2024', decision_date: '2024-03-01' },
      'granted',
      '2026-11-27',
    );
    assert.equal(ok.ps_type, 'reintegration');
    assert.deepEqual(
      refusedFields(() => checkPsForm({ ps_type: 'x', decision_number: '', decision_date: '2024-02-30' }, 'granted', '2026-11-27')),
      ['ps_type', 'decision_number', 'decision_date'],
    );
    assert.deepEqual(
      refusedFields(() =>
        checkPsForm({ ps_type: 'reintegration', decision_number: 'A', decision_date: '2026-11-28' }, 'granted', '2026-11-27'),
      ),
      ['decision_date'],
    );
    assert.deepEqual(
      refusedFields(() => checkPsForm({ loss_date: '2025-01-01', loss_reason: '' }, 'lost', '2026-11-27')),
      ['loss_reason'],
    );
    const loss = checkPsForm(
      { loss_date: '2025-01-01', loss_reason: 'zatrudnienie poniżej 3 osób', loss_decision_number: '' },
      'lost',
      '2026-11-27',
    );
    assert.deepEqual([loss.kind, loss.decision_date, loss.decision_number], ['lost', '2025-01-01', null]);
  });
});

describe('field checks', () => {
  test('PKD codes are normalised and bad ones named', () => {
    assert.equal(normalisePkd('88.10.Z'), '88.10.Z');
    assert.equal(normalisePkd('8810z'), '88.10.Z');
    assert.equal(normalisePkd('56.21 z'), '56.21.Z');
    for (const bad of ['88.1.Z', '88.10', 'ab.cd.e', '881.0.Z']) assert.equal(normalisePkd(bad), null, bad);
    const a = checkActivityForm({
      activity_type: 'business',
      pkd: '88.10.Z, 5621z\n88.10.Z',
      sectors: 'gastronomia\nUsługi opiekuńcze\nGASTRONOMIA',
    });
    assert.deepEqual(a, { activity_type: 'business', pkd: ['88.10.Z', '56.21.Z'], sectors: ['gastronomia', 'Usługi opiekuńcze'] });
    assert.deepEqual(
      refusedFields(() => checkActivityForm({ activity_type: 'charity', pkd: '88.10.Z, 99', sectors: '' })),
      ['activity_type', 'pkd'],
    );
    assert.deepEqual(
      refusedFields(() => checkActivityForm({ pkd: '', sectors: Array.from({ length: 11 }, (_, i) => `branża ${i}`).join('\n') })),
      ['sectors'],
    );
  });

  test('calendar dates are real days', () => {
    assert.equal(
      checkMarkForm({ subject: 'Catering', granted_on: '2024-02-29', expires_on: '2026-09-30', source_url: '' }).granted_on,
      '2024-02-29',
    );
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '24-01-01'])
      assert.deepEqual(
        refusedFields(() => checkMarkForm({ subject: 'Catering', granted_on: bad, expires_on: '2026-09-30' })),
        ['granted_on'],
        bad,
      );
  });

  test('a mark expires after it was granted', () => {
    const m = checkMarkForm({ subject: 'Catering', granted_on: '2025-10-01', expires_on: '2026-09-30', source_url: '' });
    assert.equal(m.source_url, null);
    assert.deepEqual(
      refusedFields(() => checkMarkForm({ subject: 'Catering', granted_on: '2025-10-01', expires_on: '2025-10-01' })),
      ['expires_on'],
    );
    assert.deepEqual(
      refusedFields(() => checkMarkForm({ subject: '', granted_on: '2025-10-01', expires_on: '2024-10-01', source_url: 'ftp://x' })),
      ['subject', 'expires_on', 'source_url'],
    );
  });
});

describe('reference list', () => {
  test('the creating body of a ZAZ or WTZ is read from the source note; forms map to the full list', () => {
    assert.equal(creatingBodyOf('organizator: gmina Lisewo (razemztoba.pl); forma: samodzielna jednostka budżetowa'), 'gmina Lisewo');
    assert.equal(
      creatingBodyOf('organ prowadzący: Polski Związek Niewidomych Okręg Kujawsko-Pomorski'),
      'Polski Związek Niewidomych Okręg Kujawsko-Pomorski',
    );
    assert.equal(creatingBodyOf('forma prawna / jednostka tworząca nie podana w źródle'), null);
    assert.equal(legalFormOf({ entity_type: 'ZAZ', legal_form: 'jednostka budżetowa' }), 'zaz');
    assert.equal(legalFormOf({ entity_type: '', legal_form: 'jednostka budżetowa' }), 'inna');
    assert.equal(legalFormOf({ entity_type: '', legal_form: 'Spółdzielnia Inwalidów' }), 'spoldzielnia_inwalidow');
    assert.equal(legalFormOf({ entity_type: '', legal_form: 'koło gospodyń wiejskich' }), 'kolo_gospodyn_wiejskich');
    assert.equal(
      legalFormOf({ entity_type: 'organizacja pozarządowa', legal_form: 'stowarzyszenie kultury fizycznej – klub sportowy' }),
      'klub_sportowy_non_profit',
    );
  });
});
