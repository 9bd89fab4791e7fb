// /api/v1/session, /api/v1/me, /api/v1/me/password and /api/v1/tokens: signing in and out, CSRF,
// bearer tokens and their revocation, and the throttling of failed sign-ins.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, DEMO_PASSWORD } from './lib/server.mjs'

describe('session and tokens', () => {
  let server
  before(async () => { server = await startServer() })
  after(async () => { await server?.stop() })

  describe('POST /api/v1/session', () => {
    test('signs in: a HttpOnly SameSite cookie and a CSRF token', async () => {
      const answer = await server.request('POST', '/api/v1/session', {
        json: { email: USERS.balanceAdmin, password: DEMO_PASSWORD }
      })
      const body = assertStatus(answer, 200)
      assert.match(body.csrf_token, /^[0-9a-f]{64}$/)
      assert.equal(typeof body.user_id, 'number')
      assert.match(body.expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('wm_session='))
      assert.ok(cookie, 'sets wm_session')
      assert.match(cookie, /HttpOnly/)
      assert.match(cookie, /SameSite=Lax/)
      assert.match(cookie, /Path=\//)
    })

    test('the email is matched ignoring case and surrounding space', async () => {
      const session = await server.signIn(`  ${USERS.balanceAdmin.toUpperCase()} `)
      assertStatus(session.answer, 200)
    })

    test('422 naming the fields when email or password is missing', async () => {
      const answer = await server.request('POST', '/api/v1/session', { json: { email: '', password: '' } })
      assertError(answer, 422, 'invalid', 'email')
      assertError(answer, 422, 'invalid', 'password')
    })

    test('422 when the body is not JSON', async () => {
      const answer = await server.request('POST', '/api/v1/session', { body: 'email=a&password=b', contentType: 'application/x-www-form-urlencoded' })
      assertError(answer, 422, 'invalid', 'content-type')
      const broken = await server.request('POST', '/api/v1/session', { body: '{"email":', contentType: 'application/json' })
      assertError(broken, 422, 'invalid', 'body')
    })

    test('a wrong password and an unknown email get the same 422 answer', async () => {
      const wrong = await server.signIn(USERS.balanceTeacher, 'not the password at all')
      const unknown = await server.signIn('nobody-at-all@balance.example', 'not the password at all')
      assertError(wrong.answer, 422, 'invalid', 'email')
      assert.equal(wrong.cookie, null)
      assert.equal(unknown.cookie, null)
      assert.equal(unknown.answer.status, wrong.answer.status)
      assert.deepEqual(unknown.answer.body, wrong.answer.body)
      // The failures are forgiven for the account once it signs in correctly.
      await server.login(USERS.balanceTeacher)
    })
  })

  describe('authentication of API requests', () => {
    test('401 without credentials, with a malformed or unknown bearer token, or an unknown cookie', async () => {
      assertError(await server.request('GET', '/api/v1/me'), 401, 'unauthenticated')
      const garbage = await server.request('GET', '/api/v1/me', { auth: { bearer: 'not-a-token' } })
      assertError(garbage, 401, 'unauthenticated')
      assert.match(garbage.headers.get('www-authenticate') || '', /Bearer/)
      const unknown = await server.request('GET', '/api/v1/me', { auth: { bearer: 'wm_' + '0'.repeat(64) } })
      assertError(unknown, 401, 'unauthenticated')
      const cookie = await server.request('GET', '/api/v1/me', { auth: { cookie: 'f'.repeat(64) } })
      assertError(cookie, 401, 'unauthenticated')
    })

    test('a cookie GET needs no CSRF token', async () => {
      const session = await server.login(USERS.balanceAdmin)
      const answer = await server.request('GET', '/api/v1/me', { auth: { cookie: session.cookie } })
      assertStatus(answer, 200)
    })

    test('a cookie POST without X-CSRF-Token is 403, with a wrong one 403, with the right one 201', async () => {
      const session = await server.login(USERS.balanceAdmin)
      const missing = await server.request('POST', '/api/v1/tokens', { auth: { cookie: session.cookie }, json: { name: 'no csrf' } })
      assertError(missing, 403, 'forbidden')
      const wrong = await server.request('POST', '/api/v1/tokens', {
        auth: { cookie: session.cookie, csrf: 'a'.repeat(64) },
        json: { name: 'wrong csrf' }
      })
      assertError(wrong, 403, 'forbidden')
      const other = await server.login(USERS.balanceHead)
      const borrowed = await server.request('POST', '/api/v1/tokens', {
        auth: { cookie: session.cookie, csrf: other.csrf },
        json: { name: "another session's csrf" }
      })
      assertError(borrowed, 403, 'forbidden')
      const right = await server.request('POST', '/api/v1/tokens', { auth: session, json: { name: 'with csrf' } })
      assertStatus(right, 201)
    })

    test('a cookie PATCH and DELETE without X-CSRF-Token are 403 too', async () => {
      const session = await server.login(USERS.balanceAdmin)
      const auth = { cookie: session.cookie }
      assertError(await server.request('PATCH', '/api/v1/pupils/1', { auth, json: {} }), 403, 'forbidden')
      assertError(await server.request('DELETE', '/api/v1/session', { auth }), 403, 'forbidden')
      // The session still works: the refused DELETE did nothing.
      assertStatus(await server.request('GET', '/api/v1/me', { auth }), 200)
    })

    test('a bearer token works for writes without a CSRF token', async () => {
      const token = await server.createToken(USERS.balanceAdmin, 'bearer write')
      const answer = await server.request('POST', '/api/v1/tokens', { auth: { bearer: token }, json: { name: 'made by bearer' } })
      const body = assertStatus(answer, 201)
      assert.match(body.token, /^wm_[0-9a-f]{64}$/)
    })
  })

  describe('DELETE /api/v1/session', () => {
    test('signs out: 204, the cookie is cleared and no longer works', async () => {
      const session = await server.login(USERS.balanceHead)
      const answer = await server.request('DELETE', '/api/v1/session', { auth: session })
      assertStatus(answer, 204)
      const cleared = answer.headers.getSetCookie().find((line) => line.startsWith('wm_session='))
      assert.match(cleared || '', /Max-Age=0/)
      assertError(await server.request('GET', '/api/v1/me', { auth: { cookie: session.cookie } }), 401, 'unauthenticated')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('DELETE', '/api/v1/session'), 401, 'unauthenticated')
    })

    test('signing out one session leaves the user\'s other sessions alone', async () => {
      const first = await server.login(USERS.balanceTeacher)
      const second = await server.login(USERS.balanceTeacher)
      assertStatus(await server.request('DELETE', '/api/v1/session', { auth: first }), 204)
      assertStatus(await server.request('GET', '/api/v1/me', { auth: second }), 200)
    })
  })

  describe('GET /api/v1/me', () => {
    test('says who is signed in, with roles and organisation', async () => {
      const client = await server.as(USERS.balanceAdmin)
      const body = assertStatus(await client.get('/api/v1/me'), 200)
      assert.equal(typeof body.user_id, 'number')
      assert.equal(typeof body.display_name, 'string')
      assert.ok(body.roles.includes('admin'), JSON.stringify(body))
      assert.equal(body.organisation.kind, 'provider')
      assert.match(body.organisation.name, /balance/i)
    })

    test('a school commissioner and an LA officer are in their own organisations', async () => {
      const senco = assertStatus(await (await server.as(USERS.ashfieldSenco)).get('/api/v1/me'), 200)
      assert.equal(senco.organisation.kind, 'school')
      assert.ok(senco.roles.includes('commissioner'), JSON.stringify(senco))
      const officer = assertStatus(await (await server.as(USERS.northbrookOfficer)).get('/api/v1/me'), 200)
      assert.equal(officer.organisation.kind, 'local_authority')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/me'), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/me/password', () => {
    // A user of our own, so that changing the password does not disturb the demo users.
    async function newUser (suffix) {
      const admin = await server.as(USERS.balanceAdmin)
      const email = `password-${suffix}-${process.pid}@balance.example`
      const password = 'a first password 1'
      const created = await admin.post('/api/v1/users', { email, display_name: `Password ${suffix}`, roles: ['teacher'], password })
      assertStatus(created, 201)
      return { email, password }
    }

    test('changes the password: 204, old sessions end, the new password signs in', async () => {
      const user = await newUser('ok')
      const session = await server.login(user.email, user.password)
      const other = await server.login(user.email, user.password)
      const answer = await server.request('POST', '/api/v1/me/password', {
        auth: session,
        json: { current_password: user.password, new_password: 'a second password 2' }
      })
      assertStatus(answer, 204)
      assertError(await server.request('GET', '/api/v1/me', { auth: other }), 401, 'unauthenticated')
      await server.login(user.email, 'a second password 2')
      // (That the old password now fails is not tried here: every failure from this address counts
      // towards its throttle, and this suite spends its two on the same-answer test.)
    })

    test('422 on current_password when it is wrong, on new_password when too short', async () => {
      const user = await newUser('bad')
      const session = await server.login(user.email, user.password)
      const wrong = await server.request('POST', '/api/v1/me/password', {
        auth: session,
        json: { current_password: 'not my password', new_password: 'a second password 2' }
      })
      assertError(wrong, 422, 'invalid', 'current_password')
      const short = await server.request('POST', '/api/v1/me/password', {
        auth: session,
        json: { current_password: user.password, new_password: 'short' }
      })
      assertError(short, 422, 'invalid', 'new_password')
      const typed = await server.request('POST', '/api/v1/me/password', {
        auth: session,
        json: { current_password: user.password, new_password: 12345678901234 }
      })
      assertError(typed, 422, 'invalid', 'new_password')
      // Nothing changed: the first password still works.
      await server.login(user.email, user.password)
    })

    test('401 when not signed in; 403 for a cookie without CSRF', async () => {
      assertError(await server.request('POST', '/api/v1/me/password', { json: { current_password: 'x', new_password: 'y' } }), 401, 'unauthenticated')
      const session = await server.login(USERS.balanceAdmin)
      const answer = await server.request('POST', '/api/v1/me/password', {
        auth: { cookie: session.cookie },
        json: { current_password: DEMO_PASSWORD, new_password: 'never applied 12345' }
      })
      assertError(answer, 403, 'forbidden')
    })
  })

  describe('/api/v1/tokens', () => {
    test('POST creates a token shown once; GET lists it without the secret', async () => {
      const client = await server.as(USERS.balanceHead)
      const created = assertStatus(await client.post('/api/v1/tokens', { name: 'nightly export' }), 201)
      assert.match(created.token, /^wm_[0-9a-f]{64}$/)
      assert.equal(created.name, 'nightly export')
      assert.equal(created.token.slice(0, created.prefix.length), created.prefix)
      assert.equal(created.revoked_at, null)
      const listed = assertStatus(await client.get('/api/v1/tokens'), 200)
      const mine = listed.items.find((token) => token.id === created.id)
      assert.ok(mine, 'the new token is listed')
      assert.equal(mine.name, 'nightly export')
      assert.equal(mine.token, undefined, 'the secret is never listed')
      assert.ok(!JSON.stringify(listed).includes(created.token))
      // The new token works.
      assertStatus(await server.request('GET', '/api/v1/me', { auth: { bearer: created.token } }), 200)
    })

    test('GET lists only your own tokens', async () => {
      const head = await server.as(USERS.balanceHead)
      const made = assertStatus(await head.post('/api/v1/tokens', { name: 'head only' }), 201)
      const teacher = await server.as(USERS.balanceTeacher)
      const listed = assertStatus(await teacher.get('/api/v1/tokens'), 200)
      assert.ok(!listed.items.some((token) => token.id === made.id))
    })

    test('POST 422 on name when missing or too long', async () => {
      const client = await server.as(USERS.balanceHead)
      assertError(await client.post('/api/v1/tokens', {}), 422, 'invalid', 'name')
      assertError(await client.post('/api/v1/tokens', { name: 'x'.repeat(81) }), 422, 'invalid', 'name')
      assertError(await client.post('/api/v1/tokens', { name: 7 }), 422, 'invalid', 'name')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/tokens'), 401, 'unauthenticated')
      assertError(await server.request('POST', '/api/v1/tokens', { json: { name: 'x' } }), 401, 'unauthenticated')
      assertError(await server.request('DELETE', '/api/v1/tokens/1'), 401, 'unauthenticated')
    })

    test('DELETE revokes: 204, then the token answers 401 and is listed as revoked', async () => {
      const client = await server.as(USERS.balanceHead)
      const created = assertStatus(await client.post('/api/v1/tokens', { name: 'to revoke' }), 201)
      const bearer = { bearer: created.token }
      assertStatus(await server.request('GET', '/api/v1/me', { auth: bearer }), 200)
      assertStatus(await client.delete(`/api/v1/tokens/${created.id}`), 204)
      assertError(await server.request('GET', '/api/v1/me', { auth: bearer }), 401, 'unauthenticated')
      assertError(await server.request('POST', '/api/v1/tokens', { auth: bearer, json: { name: 'x' } }), 401, 'unauthenticated')
      const listed = assertStatus(await client.get('/api/v1/tokens'), 200)
      assert.ok(listed.items.find((token) => token.id === created.id).revoked_at, 'revoked_at is set')
      // Revoking again: there is no such live token.
      assertError(await client.delete(`/api/v1/tokens/${created.id}`), 404, 'not_found')
    })

    test("DELETE of another user's token is 404 and leaves it working", async () => {
      const head = await server.as(USERS.balanceHead)
      const created = assertStatus(await head.post('/api/v1/tokens', { name: 'not yours' }), 201)
      const bridges = await server.as(USERS.bridgesAdmin)
      assertError(await bridges.delete(`/api/v1/tokens/${created.id}`), 404, 'not_found')
      const teacher = await server.as(USERS.balanceTeacher)
      assertError(await teacher.delete(`/api/v1/tokens/${created.id}`), 404, 'not_found')
      assertStatus(await server.request('GET', '/api/v1/me', { auth: { bearer: created.token } }), 200)
    })

    test('DELETE of a non-numeric or unknown id is 404', async () => {
      const client = await server.as(USERS.balanceHead)
      assertError(await client.delete('/api/v1/tokens/999999'), 404, 'not_found')
      assertError(await client.delete('/api/v1/tokens/abc'), 404, 'not_found')
    })
  })
})

describe('sign-in throttling', () => {
  // A server of its own: the client address (127.0.0.1) is throttled too, which would slow every
  // later sign-in of the other suite.
  let server
  before(async () => { server = await startServer() })
  after(async () => { await server?.stop() })

  test('repeated wrong passwords get 429 with a message saying how long to wait', async () => {
    const answers = []
    for (let attempt = 0; attempt < 4; attempt++) {
      answers.push((await server.signIn(USERS.balanceAuditor, `wrong password ${attempt}`)).answer)
    }
    for (const answer of answers.slice(0, 3)) assertError(answer, 422, 'invalid', 'email')
    const locked = assertError(answers[3], 429, 'locked')
    assert.match(locked.message, /too many failed sign-in attempts/i)
    assert.match(locked.message, /try again in \d+ (seconds|minutes)/i)
    // While the wait lasts even the right password is refused, so guessing cannot go faster.
    const right = await server.signIn(USERS.balanceAuditor)
    assertError(right.answer, 429, 'locked')
    assert.equal(right.cookie, null)
  })

  test('an unknown email is throttled the same way (no hint that it does not exist)', async () => {
    // Per account: three failures, then each attempt must wait, whether or not the account exists.
    const answers = []
    for (let attempt = 0; attempt < 4; attempt++) {
      answers.push((await server.signIn('ghost@balance.example', `whatever it is ${attempt}`)).answer)
    }
    for (const answer of answers.slice(0, 3)) assertError(answer, 422, 'invalid', 'email')
    assertError(answers[3], 429, 'locked')
  })

  test('one address is slowed only after many failures, so a school behind one address is not locked out by a few typos', async () => {
    // The two tests above made 6 failures from 127.0.0.1 (8 attempts, 2 refused before counting).
    // A different account still signs in: the address has not reached its limit.
    const other = await server.signIn(USERS.bridgesAdmin)
    assert.equal(other.answer.status, 200)
    assert.ok(other.cookie)
  })
})
