// /api/v1/users (admins manage their own organisation's users), /api/v1/organisations and the
// organisation's audit trail /api/v1/audit.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS } from './lib/server.mjs'

describe('users, organisations and the audit trail', () => {
  let server
  let orgs
  let admin
  let bridges
  let teacher
  let head
  let serial = 0

  const email = (label) => `${label}-${process.pid}-${++serial}@balance.example`
  const newUser = (extra = {}) => ({
    email: email('user'),
    display_name: 'Robin Tester',
    roles: ['teacher'],
    password: 'a long enough password',
    ...extra
  })

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    admin = await server.as(USERS.balanceAdmin)
    bridges = await server.as(USERS.bridgesAdmin)
    teacher = await server.as(USERS.balanceTeacher)
    head = await server.as(USERS.balanceHead)
  })
  after(async () => { await server?.stop() })

  describe('GET /api/v1/users', () => {
    test("an admin lists their own organisation's users", async () => {
      const body = assertStatus(await admin.get('/api/v1/users'), 200)
      const emails = body.items.map((user) => user.email)
      assert.ok(emails.includes(USERS.balanceAdmin), JSON.stringify(emails))
      assert.ok(emails.includes(USERS.balanceTeacher))
      assert.ok(!emails.includes(USERS.bridgesAdmin), 'no users of other organisations')
      for (const user of body.items) {
        assert.equal(user.organisation_id, orgs.balance.id)
        assert.ok(Array.isArray(user.roles))
        assert.equal(typeof user.active, 'boolean')
        assert.equal(user.password, undefined)
        assert.equal(user.password_hash, undefined)
      }
    })

    test('403 for a teacher (and a head, who is not an admin)', async () => {
      assertError(await teacher.get('/api/v1/users'), 403, 'forbidden')
      assertError(await head.get('/api/v1/users'), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/users'), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/users', () => {
    test('creates a user who can sign in: 201', async () => {
      const body = newUser({ email: email('New.Person').toUpperCase(), roles: ['teacher', 'head'] })
      const created = assertStatus(await admin.post('/api/v1/users', body), 201)
      assert.equal(created.email, body.email.toLowerCase())
      assert.equal(created.organisation_id, orgs.balance.id)
      assert.deepEqual([...created.roles].sort(), ['head', 'teacher'])
      assert.equal(created.active, true)
      assert.equal(created.password, undefined)
      await server.login(created.email, body.password)
      const listed = assertStatus(await admin.get('/api/v1/users'), 200)
      assert.ok(listed.items.some((user) => user.id === created.id))
    })

    test('422 naming the field', async () => {
      assertError(await admin.post('/api/v1/users', newUser({ password: 'short' })), 422, 'invalid', 'password')
      assertError(await admin.post('/api/v1/users', newUser({ email: 'not-an-email' })), 422, 'invalid', 'email')
      assertError(await admin.post('/api/v1/users', newUser({ display_name: '' })), 422, 'invalid', 'display_name')
      assertError(await admin.post('/api/v1/users', newUser({ roles: [] })), 422, 'invalid', 'roles')
      assertError(await admin.post('/api/v1/users', newUser({ roles: ['wizard'] })), 422, 'invalid', 'roles')
      assertError(await admin.post('/api/v1/users', newUser({ roles: 'teacher' })), 422, 'invalid', 'roles')
      // Commissioner is a role for schools and local authorities, not providers.
      assertError(await admin.post('/api/v1/users', newUser({ roles: ['commissioner'] })), 422, 'invalid', 'roles')
      assertError(await admin.post('/api/v1/users', newUser({ active: 'yes' })), 422, 'invalid', 'active')
    })

    test('409 when the email is taken (in any organisation)', async () => {
      assertError(await admin.post('/api/v1/users', newUser({ email: USERS.balanceTeacher })), 409, 'conflict', 'email')
      assertError(await admin.post('/api/v1/users', newUser({ email: USERS.bridgesAdmin })), 409, 'conflict', 'email')
    })

    test('403 for a teacher', async () => {
      assertError(await teacher.post('/api/v1/users', newUser()), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', '/api/v1/users', { json: newUser() }), 401, 'unauthenticated')
    })
  })

  describe('PATCH /api/v1/users/{id}', () => {
    test('changes name and roles; deactivating ends the user\'s sessions and tokens stop working', async () => {
      const body = newUser()
      const user = assertStatus(await admin.post('/api/v1/users', body), 201)
      const session = await server.login(body.email, body.password)
      const renamed = assertStatus(await admin.patch(`/api/v1/users/${user.id}`, { display_name: 'Robin Renamed', roles: ['auditor'] }), 200)
      assert.equal(renamed.display_name, 'Robin Renamed')
      assert.deepEqual(renamed.roles, ['auditor'])
      assert.equal(renamed.email, body.email)
      assertStatus(await server.request('GET', '/api/v1/me', { auth: session }), 200)
      const token = assertStatus(await server.request('POST', '/api/v1/tokens', { auth: session, json: { name: 'soon dead' } }), 201).token
      const off = assertStatus(await admin.patch(`/api/v1/users/${user.id}`, { active: false }), 200)
      assert.equal(off.active, false)
      assertError(await server.request('GET', '/api/v1/me', { auth: session }), 401, 'unauthenticated')
      assertError(await server.request('GET', '/api/v1/me', { auth: { bearer: token } }), 401, 'unauthenticated')
    })

    test('422 naming the field; an admin cannot demote or deactivate themselves', async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await admin.patch(`/api/v1/users/${user.id}`, { roles: ['wizard'] }), 422, 'invalid', 'roles')
      assertError(await admin.patch(`/api/v1/users/${user.id}`, { email: 'nope' }), 422, 'invalid', 'email')
      const me = assertStatus(await admin.get('/api/v1/me'), 200)
      assertError(await admin.patch(`/api/v1/users/${me.user_id}`, { roles: ['teacher'] }), 422, 'invalid', 'roles')
      assertError(await admin.patch(`/api/v1/users/${me.user_id}`, { active: false }), 422, 'invalid', 'active')
    })

    test('409 when changing to an email another user has', async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await admin.patch(`/api/v1/users/${user.id}`, { email: USERS.balanceTeacher }), 409, 'conflict', 'email')
    })

    test("404 for another organisation's user", async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await bridges.patch(`/api/v1/users/${user.id}`, { display_name: 'Hijacked' }), 404, 'not_found')
      assertError(await admin.patch('/api/v1/users/999999', { display_name: 'Nobody' }), 404, 'not_found')
      const listed = assertStatus(await admin.get('/api/v1/users'), 200)
      assert.equal(listed.items.find((entry) => entry.id === user.id).display_name, 'Robin Tester')
    })

    test('403 for a teacher', async () => {
      const me = assertStatus(await teacher.get('/api/v1/me'), 200)
      assertError(await teacher.patch(`/api/v1/users/${me.user_id}`, { roles: ['admin'] }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('PATCH', '/api/v1/users/1', { json: {} }), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/users/{id}/password', () => {
    test("sets the password: 204, the user's sessions end and the new one signs in", async () => {
      const body = newUser()
      const user = assertStatus(await admin.post('/api/v1/users', body), 201)
      const session = await server.login(body.email, body.password)
      assertStatus(await admin.post(`/api/v1/users/${user.id}/password`, { password: 'a brand new password' }), 204)
      assertError(await server.request('GET', '/api/v1/me', { auth: session }), 401, 'unauthenticated')
      await server.login(body.email, 'a brand new password')
    })

    test('422 on password when too short or missing', async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await admin.post(`/api/v1/users/${user.id}/password`, { password: 'short' }), 422, 'invalid', 'password')
      assertError(await admin.post(`/api/v1/users/${user.id}/password`, {}), 422, 'invalid', 'password')
    })

    test("404 for another organisation's user", async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await bridges.post(`/api/v1/users/${user.id}/password`, { password: 'taking over this account' }), 404, 'not_found')
    })

    test('403 for a teacher', async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      assertError(await teacher.post(`/api/v1/users/${user.id}/password`, { password: 'taking over this account' }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', '/api/v1/users/1/password', { json: { password: 'a long enough password' } }), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/organisations', () => {
    test('lists providers, schools and the local authority to any signed-in user', async () => {
      const body = assertStatus(await teacher.get('/api/v1/organisations'), 200)
      const kinds = new Set(body.items.map((org) => org.kind))
      assert.deepEqual([...kinds].sort(), ['local_authority', 'provider', 'school'])
      for (const org of body.items) {
        for (const key of ['id', 'kind', 'name', 'urn', 'la_code', 'establishment_number', 'dfe_number', 'registered', 'local_authority_id']) {
          assert.ok(key in org, `${key} in ${JSON.stringify(org)}`)
        }
      }
    })

    test('kind filters the list', async () => {
      const schools = assertStatus(await teacher.get('/api/v1/organisations?kind=school'), 200)
      assert.ok(schools.items.length >= 1)
      assert.ok(schools.items.every((org) => org.kind === 'school'))
      const providers = assertStatus(await teacher.get('/api/v1/organisations?kind=provider'), 200)
      assert.deepEqual(providers.items.map((org) => org.id).sort(), orgs.providers.map((org) => org.id).sort())
    })

    test('422 on kind when it is not a kind', async () => {
      assertError(await teacher.get('/api/v1/organisations?kind=charity'), 422, 'invalid', 'kind')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/organisations'), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/organisations/{id}', () => {
    test('one organisation', async () => {
      const body = assertStatus(await teacher.get(`/api/v1/organisations/${orgs.ashfield.id}`), 200)
      assert.deepEqual(body, orgs.ashfield)
    })

    test('404 for an unknown or malformed id', async () => {
      assertError(await teacher.get('/api/v1/organisations/999999'), 404, 'not_found')
      assertError(await teacher.get('/api/v1/organisations/ashfield'), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', `/api/v1/organisations/${orgs.ashfield.id}`), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/audit', () => {
    test("an admin reads the organisation's trail, user management included", async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      const body = assertStatus(await admin.get('/api/v1/audit'), 200)
      const entry = body.items.find((item) => item.entity === 'user' && item.entity_id === user.id && item.action === 'create')
      assert.ok(entry, JSON.stringify(body.items.slice(0, 5)))
      assert.match(entry.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      assert.equal(typeof entry.user, 'string')
      assert.equal(entry.pupil_id, null)
      assertStatus(await head.get('/api/v1/audit'), 200)
    })

    test("another organisation's trail does not show it", async () => {
      const user = assertStatus(await admin.post('/api/v1/users', newUser()), 201)
      const body = assertStatus(await bridges.get('/api/v1/audit'), 200)
      assert.ok(!body.items.some((item) => item.entity === 'user' && item.entity_id === user.id))
    })

    test('403 for a teacher', async () => {
      assertError(await teacher.get('/api/v1/audit'), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/audit'), 401, 'unauthenticated')
    })
  })
})
