// Placements: POST /api/v1/pupils/{id}/placements, GET and PATCH /api/v1/placements/{id}; who may
// record and change them, and the status moving only forward.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, newPupil, today } from './lib/server.mjs'

describe('placements', () => {
  let server
  let orgs
  let balance
  let bridges
  let auditor
  let teacher
  let senco
  let officer
  let pupil // a Balance pupil referred by Ashfield
  let referral // its referral placement

  async function newPlacement (extra = {}) {
    const answer = await balance.post(`/api/v1/pupils/${pupil.id}/placements`, {
      provider_id: orgs.balance.id,
      commissioner_id: orgs.ashfield.id,
      referral_date: today(),
      ...extra
    })
    return assertStatus(answer, 201)
  }

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    balance = await server.as(USERS.balanceAdmin)
    bridges = await server.as(USERS.bridgesAdmin)
    auditor = await server.as(USERS.balanceAuditor)
    teacher = await server.as(USERS.balanceTeacher)
    senco = await server.as(USERS.ashfieldSenco)
    officer = await server.as(USERS.northbrookOfficer)
    const profile = assertStatus(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 201)
    pupil = profile.pupil
    referral = profile.placements[0]
  })
  after(async () => { await server?.stop() })

  describe('POST /api/v1/pupils/{id}/placements', () => {
    test('the provider records a placement: 201 and Location', async () => {
      const answer = await balance.post(`/api/v1/pupils/${pupil.id}/placements`, {
        provider_id: orgs.balance.id,
        commissioner_id: orgs.ashfield.id,
        referral_date: today(),
        hours_per_week: 12.5,
        timetable: ['Mon AM', 'wed-pm', '5AM'],
        reason: 'Persistent absence'
      })
      const body = assertStatus(answer, 201)
      assert.equal(answer.headers.get('location'), `/api/v1/placements/${body.id}`)
      assert.equal(body.pupil_id, pupil.id)
      assert.equal(body.status, 'referred')
      assert.equal(body.hours_per_week, 12.5)
      assert.deepEqual(body.timetable, ['Mon AM', 'Wed PM', 'Fri AM'])
      assert.equal(body.reason, 'Persistent absence')
      assert.equal(body.start_date, null)
      assert.equal(body.end_reason, null)
      assert.equal(typeof body.updated_at, 'number')
    })

    test('the commissioning school\'s commissioner may record one too', async () => {
      const answer = await senco.post(`/api/v1/pupils/${pupil.id}/placements`, {
        provider_id: orgs.balance.id,
        commissioner_id: orgs.ashfield.id,
        referral_date: today()
      })
      assertStatus(answer, 201)
    })

    test('422 naming the field', async () => {
      const path = `/api/v1/pupils/${pupil.id}/placements`
      const base = { provider_id: orgs.balance.id, commissioner_id: orgs.ashfield.id, referral_date: today() }
      assertError(await balance.post(path, { provider_id: orgs.balance.id, commissioner_id: orgs.ashfield.id }), 422, 'invalid', 'referral_date')
      assertError(await balance.post(path, { ...base, hours_per_week: 40 }), 422, 'invalid', 'hours_per_week')
      assertError(await balance.post(path, { ...base, hours_per_week: 'lots' }), 422, 'invalid', 'hours_per_week')
      assertError(await balance.post(path, { ...base, timetable: ['Sat AM'] }), 422, 'invalid', 'timetable')
      assertError(await balance.post(path, { ...base, timetable: ['Mon AM', 'mon-am'] }), 422, 'invalid', 'timetable')
      assertError(await balance.post(path, { ...base, status: 'active' }), 422, 'invalid', 'start_date')
      assertError(await balance.post(path, { ...base, start_date: '2020-01-01' }), 422, 'invalid', 'start_date')
      assertError(await balance.post(path, { ...base, status: 'paused' }), 422, 'invalid', 'status')
      assertError(await balance.post(path, { ...base, commissioner_id: orgs.bridges.id }), 422, 'invalid', 'commissioner_id')
      assertError(await balance.post(path, { ...base, referral_date: '2025-02-30' }), 422, 'invalid', 'referral_date')
    })

    test('403 when the caller is neither the provider nor the commissioner, or may not edit', async () => {
      const path = `/api/v1/pupils/${pupil.id}/placements`
      assertError(await balance.post(path, { provider_id: orgs.bridges.id, commissioner_id: orgs.ashfield.id, referral_date: today() }), 403, 'forbidden')
      assertError(await auditor.post(path, { provider_id: orgs.balance.id, commissioner_id: orgs.ashfield.id, referral_date: today() }), 403, 'forbidden')
    })

    test("404 for another organisation's pupil", async () => {
      assertError(await bridges.post(`/api/v1/pupils/${pupil.id}/placements`, {
        provider_id: orgs.bridges.id,
        commissioner_id: orgs.ashfield.id,
        referral_date: today()
      }), 404, 'not_found')
      assertError(await balance.post('/api/v1/pupils/999999/placements', {
        provider_id: orgs.balance.id,
        commissioner_id: orgs.ashfield.id,
        referral_date: today()
      }), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', `/api/v1/pupils/${pupil.id}/placements`, { json: {} }), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/placements/{id}', () => {
    test('the placement, for everyone who can see its pupil', async () => {
      const body = assertStatus(await balance.get(`/api/v1/placements/${referral.id}`), 200)
      assert.equal(body.id, referral.id)
      assert.equal(body.pupil_id, pupil.id)
      assert.equal(body.provider_id, orgs.balance.id)
      assert.equal(body.commissioner_id, orgs.ashfield.id)
      assertStatus(await auditor.get(`/api/v1/placements/${referral.id}`), 200)
      assertStatus(await senco.get(`/api/v1/placements/${referral.id}`), 200)
    })

    test("the LA officer reads a placement with a provider in the LA's area", async () => {
      assertStatus(await officer.get(`/api/v1/placements/${referral.id}`), 200)
    })

    test("404 for another organisation's placement, as for one that does not exist", async () => {
      const hidden = assertError(await bridges.get(`/api/v1/placements/${referral.id}`), 404, 'not_found')
      const missing = assertError(await bridges.get('/api/v1/placements/999999'), 404, 'not_found')
      assert.deepEqual(hidden, missing)
      assertError(await balance.get('/api/v1/placements/first'), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', `/api/v1/placements/${referral.id}`), 401, 'unauthenticated')
    })
  })

  describe('PATCH /api/v1/placements/{id}', () => {
    test('moves forward through the stages; a status change is audited as "status"', async () => {
      const placement = await newPlacement()
      const planning = assertStatus(await teacher.patch(`/api/v1/placements/${placement.id}`, { status: 'planning_meeting' }), 200)
      assert.equal(planning.status, 'planning_meeting')
      const active = assertStatus(await balance.patch(`/api/v1/placements/${placement.id}`, {
        status: 'active',
        start_date: today(),
        hours_per_week: 15,
        la_notified: true
      }), 200)
      assert.equal(active.status, 'active')
      assert.equal(active.start_date, today())
      assert.equal(active.hours_per_week, 15)
      assert.equal(active.la_notified, true)
      const stored = assertStatus(await balance.get(`/api/v1/placements/${placement.id}`), 200)
      assert.equal(stored.status, 'active')
      const audit = assertStatus(await balance.get(`/api/v1/pupils/${pupil.id}/audit`), 200)
      const step = audit.items.find((entry) => entry.entity === 'placement' && entry.entity_id === placement.id && entry.action === 'status')
      assert.ok(step, JSON.stringify(audit.items))
      assert.ok(step.changes.some((change) => change.field === 'status' && change.before === 'planning_meeting' && change.after === 'active'))
    })

    test('an ended placement cannot go back: 422 on status, and it stays ended', async () => {
      const placement = await newPlacement()
      const ended = assertStatus(await balance.patch(`/api/v1/placements/${placement.id}`, {
        status: 'ended',
        start_date: today(),
        actual_end_date: today(),
        end_reason: 'reintegrated'
      }), 200)
      assert.equal(ended.status, 'ended')
      assert.equal(ended.end_reason, 'reintegrated')
      for (const status of ['active', 'referred', 'initial_assessment']) {
        assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { status, actual_end_date: null, end_reason: null }), 422, 'invalid', 'status')
      }
      const stored = assertStatus(await balance.get(`/api/v1/placements/${placement.id}`), 200)
      assert.equal(stored.status, 'ended')
    })

    test('a placement cannot move back a stage either', async () => {
      const placement = await newPlacement({ status: 'initial_assessment' })
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { status: 'referred' }), 422, 'invalid', 'status')
    })

    test('422 naming the field', async () => {
      const placement = await newPlacement()
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { status: 'ended' }), 422, 'invalid', 'actual_end_date')
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { status: 'ended', actual_end_date: today() }), 422, 'invalid', 'end_reason')
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { end_reason: 'bored' }), 422, 'invalid', 'end_reason')
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { planned_end_date: '2000-01-01', start_date: today() }), 422, 'invalid', 'planned_end_date')
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { la_notified: 'yes' }), 422, 'invalid', 'la_notified')
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { provider_id: orgs.bridges.id }), 422, 'invalid', 'provider_id')
    })

    test('409 when updated_at is stale', async () => {
      const placement = await newPlacement()
      assertError(await balance.patch(`/api/v1/placements/${placement.id}`, { reason: 'x', updated_at: placement.updated_at - 10 }), 409, 'conflict', 'updated_at')
      assertStatus(await balance.patch(`/api/v1/placements/${placement.id}`, { reason: 'y', updated_at: placement.updated_at }), 200)
    })

    test('403 for an auditor, who can see it but not change it', async () => {
      assertError(await auditor.patch(`/api/v1/placements/${referral.id}`, { reason: 'x' }), 403, 'forbidden')
    })

    test("403 for the LA officer on a placement in its area that the LA did not commission", async () => {
      assertError(await officer.patch(`/api/v1/placements/${referral.id}`, { reason: 'x' }), 403, 'forbidden')
    })

    test('the LA officer may change a placement the LA commissioned', async () => {
      const la = await server.as(USERS.northbrookAdmin)
      const profile = assertStatus(await la.post('/api/v1/pupils', newPupil({ provider_id: orgs.balance.id })), 201)
      const placement = profile.placements[0]
      assert.equal(placement.commissioner_id, orgs.northbrook.id)
      const body = assertStatus(await officer.patch(`/api/v1/placements/${placement.id}`, { la_notified: true }), 200)
      assert.equal(body.la_notified, true)
    })

    test("404 for another organisation's placement", async () => {
      assertError(await bridges.patch(`/api/v1/placements/${referral.id}`, { reason: 'x' }), 404, 'not_found')
      assertError(await balance.patch('/api/v1/placements/999999', { reason: 'x' }), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('PATCH', `/api/v1/placements/${referral.id}`, { json: {} }), 401, 'unauthenticated')
    })
  })
})
