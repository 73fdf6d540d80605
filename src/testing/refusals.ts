// Route tests of modules check that every staff POST refuses the wrong roles before the form is even
// read (403, whatever the body says) and sends anonymous visitors away (401, 403 or to the login
// page); this walks such a list and names every route and role that answered otherwise.
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
