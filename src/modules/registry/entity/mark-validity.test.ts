// Unit tests of the two rules of issue 14: when a "Zakup Prospołeczny" mark is valid (known dates
// only; a one-year licence ends on the anniversary of its grant, or the month's last day) and
// which activity state an entity is in (active only once a person checked it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../../../i18n/index.js';
import { activityLabel, activityState } from './activity-state.js';
import { derivedExpiry, expiryOf, markText, markValidity, markView } from './mark-validity.js';

test('a one-year licence ends on the day matching its grant, or the month\u2019s last day (KC art. 112)', () => {
  assert.equal(derivedExpiry('2022-09-06'), '2023-09-06');
  assert.equal(derivedExpiry('2024-02-29'), '2025-02-28');
  assert.equal(derivedExpiry('2023-12-31'), '2024-12-31');
  assert.deepEqual(expiryOf('2022-09-06', null), { expires_on: '2023-09-06', is_expiry_derived: true });
  assert.deepEqual(expiryOf('2022-09-06', '2022-12-31'), { expires_on: '2022-12-31', is_expiry_derived: false });
  assert.deepEqual(expiryOf(null, null), { expires_on: null, is_expiry_derived: false });
});

test('a mark is valid only between known dates; unknown stays unknown', () => {
  const day = '2026-06-15';
  assert.equal(markValidity({ granted_on: '2026-01-10', expires_on: '2027-01-10' }, day), 'valid');
  assert.equal(markValidity({ granted_on: '2026-06-15', expires_on: '2026-06-15' }, day), 'valid', 'both ends count');
  assert.equal(markValidity({ granted_on: '2022-09-06', expires_on: '2023-09-06' }, day), 'expired');
  assert.equal(markValidity({ granted_on: '2026-07-01', expires_on: '2027-07-01' }, day), 'not_yet_valid');
  assert.equal(markValidity({ granted_on: null, expires_on: null }, day), 'unknown');
  assert.equal(markValidity({ granted_on: '2026-01-10', expires_on: null }, day), 'unknown', 'no expiry stored: not known to be valid');
  assert.equal(markValidity({ granted_on: null, expires_on: '2027-01-01' }, day), 'unknown', 'no grant date: not known to be valid');
  assert.equal(
    markValidity({ granted_on: null, expires_on: '2020-01-01' }, day),
    'expired',
    'a past expiry is known even without a grant date',
  );
});

test('marks and activity in words, in both languages', () => {
  const pl = translator('pl');
  const en = translator('en');
  const row = { id: 'm', subject: null, granted_on: null, expires_on: null, is_expiry_derived: false, source_url: 'https://ino.online/x' };
  assert.equal(markText(pl, markView(row, '2026-06-15')), 'znak przyznany (data ważności nieznana, źródło: https://ino.online/x)');
  assert.equal(markText(en, markView({ ...row, source_url: null }, '2026-06-15')), 'mark granted (validity date unknown, no source given)');
  assert.equal(
    markText(pl, markView({ ...row, granted_on: '2026-01-10', expires_on: '2027-01-10', is_expiry_derived: true }, '2026-06-15')),
    'nadany 2026-01-10, ważny do 2027-01-10 (licencja na rok od nadania)',
  );
  assert.equal(activityState({ lifecycle: 'active', activity_verified_on: null }), 'unverified');
  assert.equal(activityState({ lifecycle: 'active', activity_verified_on: '2026-06-01' }), 'active');
  assert.equal(activityState({ lifecycle: 'closed', activity_verified_on: '2026-06-01' }), 'closed');
  assert.equal(
    activityLabel(pl, { lifecycle: 'active', activity_verified_on: null, verified_at: '2022-09-06' }),
    'działalność niesprawdzana od 2022-09-06',
  );
  assert.equal(
    activityLabel(en, { lifecycle: 'active', activity_verified_on: null, verified_at: null }),
    'activity not verified (source undated)',
  );
  assert.equal(
    activityLabel(pl, { lifecycle: 'active', activity_verified_on: '2026-06-01', verified_at: '2022-09-06' }),
    'działa (sprawdzono 2026-06-01)',
  );
});
