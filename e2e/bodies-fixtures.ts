// Page templates of a body's member space and written procedures for the browser suite (axe in both
// languages): the member space with its sections, a member's invitation and the draft minutes (before
// checked in Polish only, inside the keyboard test), a ballot in the space and by the one-click link
// (also with the error of a vote sent without a choice), the register of resolutions, and the staff
// pages of procedures. The signed-in account is linked to the fixture's membership first.
import { warsawToday } from '../src/core/time/index.js';
import { draftMinutes, E2E_BODY, approvedMinutes, plannedMeeting } from '../src/modules/bodies/bodies.testing.js';
import {
  closedProcedure,
  draftProcedure,
  linkFixtureMember,
  openedProcedure,
} from '../src/modules/bodies/procedures/procedures.testing.js';
import type { PageTemplate, VisitContext } from './pages.js';
import { navigation } from './support.js';

const member = [{ role: 'team_member' as const, scopeType: 'team', scopeId: E2E_BODY.id }];
const staff = [{ role: 'coordinator' as const }];
const space = `/zespoly/${E2E_BODY.slug}/dla-czlonkow`;

async function signedInMember({ server, userId }: VisitContext): Promise<void> {
  if (!userId) throw new Error('a member page needs a login');
  await linkFixtureMember(server.testApp.ctx, userId);
}

export const BODY_MEMBER_PAGES: PageTemplate[] = [
  {
    name: 'bodies: member space with invitations, drafts and procedures',
    setup: async (c) => {
      await signedInMember(c);
      await plannedMeeting(c.server.testApp.ctx);
      await openedProcedure(c.server.testApp.ctx);
      return space;
    },
    expectStatus: 200,
    login: member,
  },
  {
    name: 'bodies: member invitation',
    setup: async (c) => {
      await signedInMember(c);
      const ctx = c.server.testApp.ctx;
      const meetingId = await plannedMeeting(ctx);
      const inv = await ctx.db
        .selectFrom('body_invitations')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .where('membership_id', '=', E2E_BODY.memberId)
        .executeTakeFirstOrThrow();
      return `${space}/zaproszenia/${inv.id}`;
    },
    expectStatus: 200,
    login: member,
  },
  {
    name: 'bodies: member draft minutes',
    setup: async (c) => {
      await signedInMember(c);
      const ctx = c.server.testApp.ctx;
      return `${space}/protokoly/${await draftMinutes(ctx, warsawToday(ctx.clock))}`;
    },
    expectStatus: 200,
    login: member,
  },
  {
    name: 'bodies: member ballot',
    setup: async (c) => {
      await signedInMember(c);
      return `${space}/obiegowe/${(await openedProcedure(c.server.testApp.ctx)).procedureId}`;
    },
    expectStatus: 200,
    login: member,
  },
  { name: 'bodies: ballot by link', setup: async (c) => (await openedProcedure(c.server.testApp.ctx)).link, expectStatus: 200 },
  {
    name: 'bodies: ballot by link with errors',
    setup: async (c) => (await openedProcedure(c.server.testApp.ctx)).link,
    act: async ({ page }) => navigation(page, () => page.locator('main form button[type="submit"]').click()),
    expectStatus: 400,
    initialFocus: '[data-error-summary]',
  },
  {
    name: 'bodies: register of resolutions',
    setup: async (c) => {
      await approvedMinutes(c.server.testApp.ctx);
      await closedProcedure(c.server.testApp.ctx);
      return `/zespoly/${E2E_BODY.slug}/uchwaly`;
    },
    expectStatus: 200,
  },
  {
    name: 'bodies: admin procedures',
    setup: async (c) => (await draftProcedure(c.server.testApp.ctx), `/admin/zespoly/${E2E_BODY.id}/obiegowe`),
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'bodies: admin draft procedure',
    setup: async (c) => `/admin/zespoly/${E2E_BODY.id}/obiegowe/${await draftProcedure(c.server.testApp.ctx)}`,
    expectStatus: 200,
    login: staff,
  },
  {
    name: 'bodies: admin closed procedure',
    setup: async (c) => `/admin/zespoly/${E2E_BODY.id}/obiegowe/${await closedProcedure(c.server.testApp.ctx)}`,
    expectStatus: 200,
    login: staff,
  },
];
