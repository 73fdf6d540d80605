// A member of a body answers a meeting invitation with the keyboard only: opens the signed link from
// the e-mail in the outbox, moves to the answer (Tab to the radio group, arrow keys), sends it (Tab,
// Enter), and sees it recorded; a first attempt without a choice shows the error summary the keyboard
// user lands on. axe runs on every page of the flow.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { latestInvitationPath, plannedMeeting } from '../src/modules/bodies/bodies.testing.js';
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
