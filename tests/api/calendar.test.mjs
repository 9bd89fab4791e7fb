// The organisation's calendar (/api/v1/calendar, terms, closure-days), subjects and teaching groups.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, newPupil } from './lib/server.mjs'

// A year well clear of the demo calendar, so nothing here collides with it.
const YEAR = 2031

describe('calendar, subjects and teaching groups', () => {
  let server
  let orgs
  let admin
  let head
  let teacher
  let auditor
  let bridges
  let teacherId
  let bridgesAdminId
  let pupilId // a Balance pupil
  let bridgesPupilId // a Bridges pupil

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    admin = await server.as(USERS.balanceAdmin)
    head = await server.as(USERS.balanceHead)
    teacher = await server.as(USERS.balanceTeacher)
    auditor = await server.as(USERS.balanceAuditor)
    bridges = await server.as(USERS.bridgesAdmin)
    teacherId = assertStatus(await teacher.get('/api/v1/me'), 200).user_id
    bridgesAdminId = assertStatus(await bridges.get('/api/v1/me'), 200).user_id
    pupilId = assertStatus(await admin.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 201).pupil.id
    bridgesPupilId = assertStatus(await bridges.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 201).pupil.id
  })
  after(async () => { await server?.stop() })

  describe('GET /api/v1/calendar', () => {
    test("the organisation's terms and closure days", async () => {
      const body = assertStatus(await teacher.get('/api/v1/calendar'), 200)
      assert.ok(Array.isArray(body.terms))
      assert.ok(Array.isArray(body.closure_days))
      for (const term of body.terms) assert.equal(term.organisation_id, orgs.balance.id)
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/calendar'), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/terms', () => {
    let autumn

    test('adds a term and a half term inside it: 201, shown in the calendar', async () => {
      autumn = assertStatus(await admin.post('/api/v1/terms', {
        name: 'Autumn', academic_year: YEAR, start_date: `${YEAR}-09-03`, end_date: `${YEAR}-12-19`
      }), 201)
      assert.equal(autumn.name, 'Autumn')
      assert.equal(autumn.academic_year, YEAR)
      assert.equal(autumn.organisation_id, orgs.balance.id)
      assert.equal(autumn.parent_term_id, null)
      const half = assertStatus(await head.post('/api/v1/terms', {
        name: 'Autumn 1', academic_year: YEAR, start_date: `${YEAR}-09-03`, end_date: `${YEAR}-10-24`, parent_term_id: autumn.id
      }), 201)
      assert.equal(half.parent_term_id, autumn.id)
      const calendar = assertStatus(await teacher.get('/api/v1/calendar'), 200)
      assert.deepEqual(calendar.terms.find((term) => term.id === autumn.id), autumn)
      assert.deepEqual(calendar.terms.find((term) => term.id === half.id), half)
    })

    test("a half term takes its parent's academic year, and the answer says so", async () => {
      assert.ok(autumn, 'created above')
      const half = assertStatus(await admin.post('/api/v1/terms', {
        name: 'Autumn 2', start_date: `${YEAR}-11-03`, end_date: `${YEAR}-12-19`, parent_term_id: autumn.id
      }), 201)
      const calendar = assertStatus(await teacher.get('/api/v1/calendar'), 200)
      const stored = calendar.terms.find((term) => term.id === half.id)
      assert.equal(stored.academic_year, YEAR)
      assert.deepEqual(half, stored)
    })

    test('422 naming the field', async () => {
      const base = { name: 'Spring', academic_year: YEAR, start_date: `${YEAR + 1}-01-05`, end_date: `${YEAR + 1}-03-27` }
      assertError(await admin.post('/api/v1/terms', { ...base, end_date: `${YEAR + 1}-01-01` }), 422, 'invalid', 'end_date')
      assertError(await admin.post('/api/v1/terms', { ...base, start_date: `${YEAR + 2}-01-05`, end_date: `${YEAR + 2}-03-27` }), 422, 'invalid', 'start_date')
      assertError(await admin.post('/api/v1/terms', { ...base, name: '' }), 422, 'invalid', 'name')
      assertError(await admin.post('/api/v1/terms', { name: 'Spring', academic_year: YEAR }), 422, 'invalid', 'start_date')
      assertError(await admin.post('/api/v1/terms', { ...base, start_date: 'Jan 5th' }), 422, 'invalid', 'start_date')
      assertError(await admin.post('/api/v1/terms', { ...base, academic_year: 'next' }), 422, 'invalid', 'academic_year')
      assertError(await admin.post('/api/v1/terms', { ...base, name: 'Spring 1', parent_term_id: autumn.id }), 422, 'invalid', 'start_date')
    })

    test("422 on parent_term_id for another organisation's term", async () => {
      const theirs = assertStatus(await bridges.post('/api/v1/terms', {
        name: 'Autumn', academic_year: YEAR, start_date: `${YEAR}-09-03`, end_date: `${YEAR}-12-19`
      }), 201)
      assertError(await admin.post('/api/v1/terms', {
        name: 'Autumn 1', start_date: `${YEAR}-09-03`, end_date: `${YEAR}-10-24`, parent_term_id: theirs.id
      }), 422, 'invalid', 'parent_term_id')
      const calendar = assertStatus(await admin.get('/api/v1/calendar'), 200)
      assert.ok(!calendar.terms.some((term) => term.id === theirs.id), "another organisation's term is not shown")
    })

    test('403 for a teacher', async () => {
      assertError(await teacher.post('/api/v1/terms', { name: 'Summer', academic_year: YEAR, start_date: `${YEAR + 1}-04-13`, end_date: `${YEAR + 1}-07-21` }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', '/api/v1/terms', { json: {} }), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/closure-days', () => {
    test('adds a closure day: 201, shown in the calendar', async () => {
      const day = assertStatus(await admin.post('/api/v1/closure-days', { date: `${YEAR}-10-06`, reason: 'INSET day' }), 201)
      assert.equal(day.date, `${YEAR}-10-06`)
      assert.equal(day.reason, 'INSET day')
      const calendar = assertStatus(await teacher.get('/api/v1/calendar'), 200)
      assert.deepEqual(calendar.closure_days.find((entry) => entry.id === day.id), day)
      const theirs = assertStatus(await bridges.get('/api/v1/calendar'), 200)
      assert.ok(!theirs.closure_days.some((entry) => entry.id === day.id), "not in another organisation's calendar")
    })

    test('422 naming the field', async () => {
      assertError(await admin.post('/api/v1/closure-days', { reason: 'no date' }), 422, 'invalid', 'date')
      assertError(await admin.post('/api/v1/closure-days', { date: `${YEAR}-02-30` }), 422, 'invalid', 'date')
      assertError(await admin.post('/api/v1/closure-days', { date: `${YEAR}-10-07`, reason: 'x'.repeat(201) }), 422, 'invalid', 'reason')
    })

    test('409 for a date that is already a closure day', async () => {
      assertStatus(await admin.post('/api/v1/closure-days', { date: `${YEAR}-10-08`, reason: 'Polling day' }), 201)
      assertError(await admin.post('/api/v1/closure-days', { date: `${YEAR}-10-08`, reason: 'again' }), 409, 'conflict', 'date')
      // Another organisation may close on the same day.
      assertStatus(await bridges.post('/api/v1/closure-days', { date: `${YEAR}-10-08`, reason: 'Polling day' }), 201)
    })

    test('403 for a teacher', async () => {
      assertError(await teacher.post('/api/v1/closure-days', { date: `${YEAR}-10-09` }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', '/api/v1/closure-days', { json: { date: `${YEAR}-10-09` } }), 401, 'unauthenticated')
    })
  })

  describe('/api/v1/subjects', () => {
    test('POST adds a subject (201); GET lists it for the organisation only', async () => {
      const subject = assertStatus(await admin.post('/api/v1/subjects', { name: 'Api Testing Studies', code: 'ATS' }), 201)
      assert.equal(subject.name, 'Api Testing Studies')
      assert.equal(subject.code, 'ATS')
      const listed = assertStatus(await teacher.get('/api/v1/subjects'), 200)
      assert.deepEqual(listed.items.find((item) => item.id === subject.id), subject)
      const theirs = assertStatus(await bridges.get('/api/v1/subjects'), 200)
      assert.ok(!theirs.items.some((item) => item.id === subject.id))
    })

    test('POST 422 naming the field', async () => {
      assertError(await admin.post('/api/v1/subjects', { code: 'NA' }), 422, 'invalid', 'name')
      assertError(await admin.post('/api/v1/subjects', { name: 'Long code', code: 'ABCDEFGHIJK' }), 422, 'invalid', 'code')
      assertError(await admin.post('/api/v1/subjects', { name: 42 }), 422, 'invalid', 'name')
    })

    test('POST 409 for a name the organisation already has', async () => {
      assertStatus(await admin.post('/api/v1/subjects', { name: 'Twice Over', code: 'TW' }), 201)
      assertError(await admin.post('/api/v1/subjects', { name: 'Twice Over', code: 'TW2' }), 409, 'conflict', 'name')
    })

    test('POST 403 for a teacher', async () => {
      assertError(await teacher.post('/api/v1/subjects', { name: 'Not allowed' }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/subjects'), 401, 'unauthenticated')
      assertError(await server.request('POST', '/api/v1/subjects', { json: { name: 'x' } }), 401, 'unauthenticated')
    })
  })

  describe('/api/v1/teaching-groups', () => {
    let subject
    let group

    before(async () => {
      subject = assertStatus(await admin.post('/api/v1/subjects', { name: 'Group Maths', code: 'GM' }), 201)
    })

    test('POST adds a group with staff and pupils (201); GET lists it', async () => {
      group = assertStatus(await teacher.post('/api/v1/teaching-groups', {
        name: '10GM1', subject_id: subject.id, academic_year: YEAR, staff_ids: [teacherId], pupil_ids: [pupilId]
      }), 201)
      assert.equal(group.name, '10GM1')
      assert.equal(group.subject_id, subject.id)
      assert.equal(group.academic_year, YEAR)
      assert.deepEqual(group.staff_ids, [teacherId])
      assert.deepEqual(group.pupil_ids, [pupilId])
      const listed = assertStatus(await auditor.get('/api/v1/teaching-groups'), 200)
      assert.deepEqual(listed.items.find((item) => item.id === group.id), group)
      const theirs = assertStatus(await bridges.get('/api/v1/teaching-groups'), 200)
      assert.ok(!theirs.items.some((item) => item.id === group.id))
    })

    test('POST 422 naming the field, including other organisations\' staff, pupils and subjects', async () => {
      assertError(await admin.post('/api/v1/teaching-groups', { subject_id: subject.id }), 422, 'invalid', 'name')
      assertError(await admin.post('/api/v1/teaching-groups', { name: 'G', staff_ids: 'all' }), 422, 'invalid', 'staff_ids')
      assertError(await admin.post('/api/v1/teaching-groups', { name: 'G', pupil_ids: [pupilId, bridgesPupilId] }), 422, 'invalid', 'pupil_ids[1]')
      assertError(await admin.post('/api/v1/teaching-groups', { name: 'G', staff_ids: [bridgesAdminId] }), 422, 'invalid', 'staff_ids[0]')
      const theirSubject = assertStatus(await bridges.post('/api/v1/subjects', { name: 'Their subject' }), 201)
      assertError(await admin.post('/api/v1/teaching-groups', { name: 'G', subject_id: theirSubject.id }), 422, 'invalid', 'subject_id')
    })

    test('POST 403 for an auditor', async () => {
      assertError(await auditor.post('/api/v1/teaching-groups', { name: 'Nope' }), 403, 'forbidden')
    })

    test('PUT replaces the group: 200', async () => {
      assert.ok(group, 'created above')
      const saved = assertStatus(await admin.put(`/api/v1/teaching-groups/${group.id}`, {
        name: '10GM2', subject_id: subject.id, academic_year: YEAR, staff_ids: [teacherId], pupil_ids: []
      }), 200)
      assert.equal(saved.id, group.id)
      assert.equal(saved.name, '10GM2')
      assert.deepEqual(saved.pupil_ids, [])
      const listed = assertStatus(await teacher.get('/api/v1/teaching-groups'), 200)
      assert.deepEqual(listed.items.find((item) => item.id === group.id), saved)
    })

    test('PUT 422 naming the field', async () => {
      assertError(await admin.put(`/api/v1/teaching-groups/${group.id}`, { name: '' }), 422, 'invalid', 'name')
      assertError(await admin.put(`/api/v1/teaching-groups/${group.id}`, { name: 'G', pupil_ids: [bridgesPupilId] }), 422, 'invalid', 'pupil_ids[0]')
    })

    test("PUT 404 for another organisation's group", async () => {
      assertError(await bridges.put(`/api/v1/teaching-groups/${group.id}`, { name: 'Taken over' }), 404, 'not_found')
      assertError(await admin.put('/api/v1/teaching-groups/999999', { name: 'Missing' }), 404, 'not_found')
      const listed = assertStatus(await admin.get('/api/v1/teaching-groups'), 200)
      assert.equal(listed.items.find((item) => item.id === group.id).name, '10GM2')
    })

    test('PUT 403 for an auditor', async () => {
      assertError(await auditor.put(`/api/v1/teaching-groups/${group.id}`, { name: 'Nope' }), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/teaching-groups'), 401, 'unauthenticated')
      assertError(await server.request('POST', '/api/v1/teaching-groups', { json: { name: 'x' } }), 401, 'unauthenticated')
      assertError(await server.request('PUT', `/api/v1/teaching-groups/${group.id}`, { json: { name: 'x' } }), 401, 'unauthenticated')
    })
  })
})
