// The rules that need no database: which term is current, who sits on a seat today, how many seats
// of a category are vacant (none computed while the number of seats is unknown; substitutes fill none).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MembershipRow, SeatRow, TermRow } from './bodies.repo.js';
import { composition, currentTerm, isCurrentMembership, publicMemberships } from './bodies.service.js';

const term = (number: number, starts_on: string | null, ends_on: string | null): TermRow => ({
  id: `t${number}`,
  body_id: 'b',
  number,
  starts_on,
  ends_on,
  note: '',
  created_at: '',
});
const seat = (id: string, seat_count: number | null): SeatRow => ({
  id,
  term_id: 't1',
  category: 'voivode',
  label: null,
  seat_count,
  position: 0,
});
const member = (id: string, seat_id: string, extra: Partial<MembershipRow> = {}): MembershipRow => ({
  id,
  term_id: 't1',
  seat_id,
  user_id: 'u',
  person_name: id,
  role: 'member',
  nominating_institution: 'X',
  starts_on: '2027-01-01',
  ends_on: null,
  end_ground: null,
  appointing_act: 'A',
  dismissing_act: null,
  email: 'a@example.pl',
  phone: '123',
  is_example: false,
  created_at: '',
  updated_at: '',
  ...extra,
});

test('the current term is the one in force, else the latest begun, else the latest', () => {
  const terms = [term(1, '2021-01-01', '2023-12-31'), term(2, '2024-01-01', '2026-12-31'), term(3, '2027-01-01', '2029-12-31')];
  assert.equal(currentTerm(terms, '2025-06-01')?.number, 2);
  assert.equal(currentTerm(terms, '2027-01-01')?.number, 3);
  assert.equal(currentTerm([term(1, '2021-01-01', '2023-12-31')], '2025-06-01')?.number, 1);
  assert.equal(currentTerm([term(1, '2030-01-01', null)], '2025-06-01')?.number, 1);
  assert.equal(currentTerm([], '2025-06-01'), null);
});

test('a membership counts from its first to its last day inclusive', () => {
  const m = { starts_on: '2027-01-01', ends_on: '2027-03-31' };
  assert.equal(isCurrentMembership(m, '2026-12-31'), false);
  assert.equal(isCurrentMembership(m, '2027-01-01'), true);
  assert.equal(isCurrentMembership(m, '2027-03-31'), true);
  assert.equal(isCurrentMembership(m, '2027-04-01'), false);
});

test('vacant seats: the known count minus today’s holders; substitutes and ended members fill none; unknown counts give none', () => {
  const seats = [seat('s1', 3), seat('s2', null)];
  const members = [
    member('a', 's1'),
    member('b', 's1', { role: 'substitute' }),
    member('c', 's1', { ends_on: '2027-02-01', end_ground: 'resignation' }),
    member('d', 's2'),
  ];
  const groups = composition(seats, members, '2027-05-01');
  assert.deepEqual(
    groups.map((g) => [g.seat.id, g.members.map((m) => m.id), g.vacant]),
    [
      ['s1', ['a', 'b'], 2],
      ['s2', ['d'], null],
    ],
  );
});

test('public memberships carry no contact data or account, and no demo placeholders unless asked', () => {
  const rows = [member('a', 's1'), member('x', 's1', { is_example: true })];
  const api = publicMemberships(rows, false);
  assert.deepEqual(
    api.map((m) => m.id),
    ['a'],
  );
  for (const m of publicMemberships(rows, true)) {
    assert.ok(!('email' in m) && !('phone' in m) && !('user_id' in m));
  }
});
