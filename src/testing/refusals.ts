// Route tests of modules check a role × route matrix of GET answers, and that every staff POST
// refuses the wrong roles before the form is even read (403, whatever the body says) and sends
// anonymous visitors away (401, 403 or to the login page); these walk such lists and name every
// route and role that answered otherwise.
import type { TestApp } from './app.js';

/**
 * POSTs a dummy form to each URL as each refused role (cookies by role) and anonymously; returns
 * `"<url> <role>: <status>"` for every answer that was not a refusal (empty when all were refused).
 */
export async function postRefusals<Who extends string>(
  t: TestApp,
  cookies: ReadonlyMap<Who, string>,
  posts: readonly (readonly [string, readonly Who[]])[],
): Promise<string[]> {
  const got: string[] = [];
  for (const [url, refused] of posts) {
    for (const who of refused) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: cookies.get(who)!, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'x=1',
      });
      if (res.statusCode !== 403) got.push(`${url} ${who}: ${res.statusCode}`);
    }
    const anon = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'x=1',
    });
    if (![302, 401, 403].includes(anon.statusCode)) got.push(`${url} anonymous: ${anon.statusCode}`);
  }
  return got;
}

/**
 * GETs each URL as each role in `roles` order (no cookie for a role without one) and compares the
 * status with `codes[letter]`, the row's letter at the role's position; returns
 * `"<url> <role>: expected <code>, got <status>"` for every difference (empty when all matched).
 */
export async function getMismatches<Who extends string>(
  t: TestApp,
  cookies: ReadonlyMap<Who, string>,
  roles: readonly Who[],
  codes: Readonly<Record<string, number>>,
  matrix: readonly (readonly [string, string])[],
): Promise<string[]> {
  const got: string[] = [];
  for (const [url, row] of matrix) {
    for (const [i, who] of roles.entries()) {
      const cookie = cookies.get(who);
      const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
      if (res.statusCode !== codes[row[i]!]) got.push(`${url} ${who}: expected ${codes[row[i]!]}, got ${res.statusCode}`);
    }
  }
  return got;
}
