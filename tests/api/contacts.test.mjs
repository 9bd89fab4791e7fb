// Parent and carer contact: the log (with the next call due and the contacts tagged with parental
// responsibility), logging a call and the next due date moving, validation naming the field,
// who may write and read (another school's pupil 404), the interval, key workers, calls due.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'

function plusDays (iso, days) {
  const date = new Date(iso + 'T12:00:00Z')
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

describe('parent contacts', () => {
  let server, orgs, teacher, admin, auditor, bridges, senco, kingsway
  let pupil // a pupil Ashfield placed at Balance, active now

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    admin = await server.as(USERS.balanceAdmin)
    auditor = await server.as(USERS.balanceAuditor)
    bridges = await server.as(USERS.bridgesAdmin)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    const list = assertStatus(await senco.get(`/api/v1/pupils?provider_id=${orgs.balance.id}&status=active&limit=20`), 200)
    // One placed only at Balance, so Bridges cannot see them.
    for (const item of list.items) {
      const profile = assertStatus(await admin.get(`/api/v1/pupils/${item.id}`), 200)
      if (!pupil && profile.placements.length === 1) pupil = item
    }
    assert.ok(pupil, 'a pupil Ashfield placed at Balance only')
  })
  after(async () => { await server?.stop() })

  test('the log shows the demo half term, the next call and each contact\'s parental responsibility', async () => {
    const log = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/contacts-log`), 200)
    assert.ok(log.items.length > 0, 'demo contacts')
    assert.ok(log.contacts.length > 0)
    for (const contact of log.contacts) assert.equal(typeof contact.parental_responsibility, 'boolean')
    assert.equal(log.next_calls.length, 1)
    assert.ok(['not_due', 'due', 'overdue'].includes(log.next_calls[0].state))
    assert.equal(log.can_write, true)
    for (let i = 1; i < log.items.length; i++) assert.ok(log.items[i - 1].contact_date >= log.items[i].contact_date)
  })

  test('logging a call: 201, then the next call is due 14 to 21 days later', async () => {
    const log = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/contacts-log`), 200)
    const contact = log.contacts[0]
    const entry = assertStatus(await teacher.post(`/api/v1/pupils/${pupil.id}/contacts-log`, {
      contact_id: contact.id, method: 'call', summary: 'API test call', progress: 'Good week'
    }), 201)
    assert.equal(entry.contact_date, today())
    assert.equal(entry.contact_name, contact.name)
    assert.equal(entry.parental_responsibility, contact.parental_responsibility)
    const after = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/contacts-log`), 200)
    assert.equal(after.items[0].id, entry.id)
    assert.equal(after.next_calls[0].last_call, today())
    assert.equal(after.next_calls[0].due_from, plusDays(today(), 14))
    assert.equal(after.next_calls[0].due_by, plusDays(today(), 21))
    assert.equal(after.next_calls[0].state, 'not_due')
  })

  test('422 names the field', async () => {
    const log = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/contacts-log`), 200)
    const contact = log.contacts[0].id
    const url = `/api/v1/pupils/${pupil.id}/contacts-log`
    assertError(await teacher.post(url, { contact_id: contact, summary: '' }), 422, 'invalid', 'summary')
    assertError(await teacher.post(url, { contact_id: contact, summary: 'x', contact_date: '2999-01-01' }), 422, 'invalid', 'contact_date')
    assertError(await teacher.post(url, { contact_id: contact, summary: 'x', method: 'fax' }), 422, 'invalid', 'method')
    assertError(await teacher.post(url, { summary: 'x' }), 422, 'invalid', 'contact_id')
    assertError(await teacher.post(url, { contact_id: 999999, summary: 'x' }), 422, 'invalid', 'contact_id')
    assertError(await teacher.post(url, { contact_id: 'one', summary: 'x' }), 422, 'invalid', 'contact_id')
  })

  test('the school reads but cannot log; another school and another provider get 404; the auditor 403', async () => {
    const url = `/api/v1/pupils/${pupil.id}/contacts-log`
    const read = assertStatus(await senco.get(url), 200)
    assert.equal(read.can_write, false)
    const body = { contact_id: read.contacts[0].id, summary: 'Not mine' }
    assertError(await senco.post(url, body), 403, 'forbidden')
    assertError(await auditor.post(url, body), 403, 'forbidden')
    assertError(await kingsway.get(url), 404, 'not_found')
    assertError(await kingsway.post(url, body), 404, 'not_found')
    assertError(await bridges.get(url), 404, 'not_found')
    assertError(await server.client(undefined).get(url), 401, 'unauthenticated')
  })

  test('calls due: mine and everyone\'s, overdue first; 403 for a school', async () => {
    const everyone = assertStatus(await admin.get('/api/v1/contacts-due?scope=everyone'), 200).items
    assert.ok(everyone.some((call) => call.state === 'overdue'), 'the demo leaves some calls overdue')
    let seenDue = false
    for (const call of everyone) {
      if (call.state === 'due') seenDue = true
      else assert.ok(!seenDue, 'overdue calls come first')
    }
    const mine = assertStatus(await teacher.get('/api/v1/contacts-due'), 200).items
    const me = assertStatus(await teacher.get('/api/v1/me'), 200)
    for (const call of mine) assert.equal(call.key_worker_id, me.user_id)
    assertError(await senco.get('/api/v1/contacts-due'), 403, 'forbidden')
    assertError(await admin.get('/api/v1/contacts-due?scope=all'), 422, 'invalid', 'scope')
  })

  test('a call takes an overdue pupil off the list', async () => {
    const everyone = assertStatus(await admin.get('/api/v1/contacts-due?scope=everyone'), 200).items
    const overdue = everyone.find((call) => call.state === 'overdue')
    const log = assertStatus(await teacher.get(`/api/v1/pupils/${overdue.pupil_id}/contacts-log`), 200)
    assertStatus(await teacher.post(`/api/v1/pupils/${overdue.pupil_id}/contacts-log`, {
      contact_id: log.contacts[0].id, method: 'meeting', summary: 'Caught up'
    }), 201)
    const after = assertStatus(await admin.get('/api/v1/contacts-due?scope=everyone'), 200).items
    assert.ok(!after.some((call) => call.pupil_id === overdue.pupil_id))
  })

  test('the interval: any reader gets it; only the provider admin sets it', async () => {
    assert.deepEqual(assertStatus(await teacher.get('/api/v1/contact-rule'), 200), { min_days: 14, max_days: 21 })
    assertError(await teacher.put('/api/v1/contact-rule', { min_days: 7, max_days: 10 }), 403, 'forbidden')
    assertError(await admin.put('/api/v1/contact-rule', { min_days: 10, max_days: 7 }), 422, 'invalid', 'max_days')
    assertError(await admin.put('/api/v1/contact-rule', { min_days: 'x' }), 422, 'invalid', 'min_days')
    assert.deepEqual(assertStatus(await admin.put('/api/v1/contact-rule', { min_days: 14, max_days: 18 }), 200), { min_days: 14, max_days: 18 })
    assert.equal(assertStatus(await bridges.get('/api/v1/contact-rule'), 200).max_days, 21)
    assertStatus(await admin.put('/api/v1/contact-rule', { min_days: 14, max_days: 21 }), 200)
  })

  test('key workers: the provider admin chooses one of its staff', async () => {
    const placements = assertStatus(await admin.get(`/api/v1/pupils/${pupil.id}`), 200).placements
    const placement = placements.find((item) => item.provider_id === orgs.balance.id && item.status === 'active')
    const users = assertStatus(await admin.get('/api/v1/users'), 200).items
    const maths = users.find((user) => user.email === 'maths@balance.example')
    const url = `/api/v1/placements/${placement.id}/key-worker`
    assertError(await teacher.put(url, { user_id: maths.id }), 403, 'forbidden')
    assertError(await kingsway.put(url, { user_id: maths.id }), 404, 'not_found')
    assertError(await admin.put(url, {}), 422, 'invalid', 'user_id')
    const bridgesUsers = assertStatus(await bridges.get('/api/v1/users'), 200).items
    assertError(await admin.put(url, { user_id: bridgesUsers[0].id }), 422, 'invalid', 'user_id')
    assert.deepEqual(assertStatus(await admin.put(url, { user_id: maths.id }), 200), { placement_id: placement.id, user_id: maths.id })
    const log = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/contacts-log`), 200)
    assert.equal(log.next_calls[0].key_worker_id, maths.id)
    assert.deepEqual(assertStatus(await admin.put(url, { user_id: null }), 200), { placement_id: placement.id, user_id: null })
  })
})
