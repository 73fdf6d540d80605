// A member of a body with the keyboard only: answers a meeting invitation from the signed link in the
// outbox (Tab to the radio group, arrow keys, Tab, Enter; a first attempt without a choice lands on the
// error summary), and, signed in, comments on the draft minutes from the member space (Tab to the
// link, Enter, type, Tab, Enter). axe runs on every page of the flow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { draftMinutes, E2E_BODY, latestInvitationPath, plannedMeeting } from '../src/modules/bodies/bodies.testing.js';
import { warsawToday } from '../src/core/time/index.js';
import { loginAs } from '../src/testing/app.js';
import { checkAxe, focused, navigation, newPage, tabUntil, useBrowserAndServer, type Server } from './support.js';

let browser: Browser;
let server: Server;

useBrowserAndServer((b, s) => {
  browser = b;
  server = s;
});

test('a member answers an invitation by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const meetingId = await plannedMeeting(ctx);
  const link = await latestInvitationPath(ctx);
  const { page, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    await page.goto(`${server.baseUrl}${link}`);
    assert.deepEqual(await checkAxe(page), [], 'invitation page');
    assert.match(await page.locator('main').innerText(), /Opinia o sprawozdaniu/);

    // without a choice first: the error summary takes the focus
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij odpowiedź');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);
    assert.ok((await focused(page)).attrs['data-error-summary'] !== undefined, 'focus is on the error summary');
    assert.deepEqual(await checkAxe(page), [], 'invitation page with errors');

    // the radio group: Tab reaches the first option, the arrow key moves to "nie będę"
    await tabUntil(page, (f) => f.id === 'f-answer');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).id, 'f-answer-not_attending');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij odpowiedź');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').first().innerText(), /zapisaliśmy odpowiedź: nie będę/);
    assert.deepEqual(await checkAxe(page), [], 'answered');

    const stored = await ctx.db
      .selectFrom('body_invitations')
      .select('answer')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.answer, 'not_attending');
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});

test('a member comments on the draft minutes by keyboard only', async () => {
  const ctx = server.testApp.ctx;
  const meetingId = await draftMinutes(ctx, warsawToday(ctx.clock));
  const { cookie, userId } = await loginAs(server.testApp, [{ role: 'team_member', scopeType: 'team', scopeId: E2E_BODY.id }]);
  await ctx.db.updateTable('body_memberships').set({ user_id: userId }).where('id', '=', E2E_BODY.memberId).execute();
  const { page, context, foreignRequests, close } = await newPage(browser, server.baseUrl);
  try {
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.baseUrl }]);
    await page.goto(`${server.baseUrl}/zespoly/${E2E_BODY.slug}/dla-czlonkow`);
    assert.deepEqual(await checkAxe(page), [], 'member space');
    await tabUntil(page, (f) => f.tag === 'a' && (f.attrs.href ?? '').endsWith(`/protokoly/${meetingId}`), 120);
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.deepEqual(await checkAxe(page), [], 'draft minutes');
    const items = await ctx.db
      .selectFrom('body_agenda_items')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    await tabUntil(page, (f) => f.id === `f-c_${items[1]!.id}`);
    await page.keyboard.type('Proszę dopisać liczbę opinii.');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Wyślij uwagi');
    assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
    assert.match(await page.locator('.alert').first().innerText(), /Zapisano uwagi/);
    assert.deepEqual(await checkAxe(page), [], 'comment sent');
    const stored = await ctx.db
      .selectFrom('body_minutes_comments')
      .select(['text', 'agenda_item_id'])
      .where('meeting_id', '=', meetingId)
      .execute();
    assert.deepEqual(stored, [{ text: 'Proszę dopisać liczbę opinii.', agenda_item_id: items[1]!.id }]);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await close();
  }
});
