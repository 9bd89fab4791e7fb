// Assessment setup: grade scales, subject scales, KS3 expectations, intake per placement,
// home-school work and targets; who may read and write them, and 422s naming the field.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS } from './lib/server.mjs'
import { pupilsPlacedOnlyAt } from './lib/pupils.mjs'

describe('assessment setup', () => {
  let server
  let orgs
  let admin // Balance admin
  let teacher // Balance teacher
  let auditor
  let senco // Ashfield commissioner
  let bridges
  let balancePupil // a pupil placed at Balance by Ashfield, with an intake
  let placement
  let maths // Balance's Mathematics subject

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    admin = await server.as(USERS.balanceAdmin)
    teacher = await server.as(USERS.balanceTeacher)
    auditor = await server.as(USERS.balanceAuditor)
    senco = await server.as(USERS.ashfieldSenco)
    bridges = await server.as(USERS.bridgesAdmin)
    const subjects = assertStatus(await admin.get('/api/v1/subjects'), 200)
    maths = subjects.items.find((subject) => subject.code === 'MA')
    // Placed at Balance only, so Bridges cannot see the pupil (the 404 cases).
    const [profile] = await pupilsPlacedOnlyAt(senco, orgs.balance.id, orgs.ashfield.id, 1)
    if (profile) { balancePupil = profile.pupil; placement = profile.placements[0] }
    assert.ok(placement, 'the demo has an Ashfield pupil active at Balance and nowhere else')
  })
  after(async () => { await server?.stop() })

  test('grade scales: list the standard ones; admins add one; others may not', async () => {
    const list = assertStatus(await teacher.get('/api/v1/grade-scales'), 200)
    const keys = list.items.map((scale) => scale.key)
    for (const key of ['gcse', 'gcse_fine', 'ks3', 'atl', 'progress', 'engagement', 'behaviour', 'rag']) assert.ok(keys.includes(key), key)
    const body = { key: 'award', name: 'Award', grades: [{ code: 'b', label: 'Bronze' }, { code: 's', label: 'Silver' }, { code: 'g', label: 'Gold' }] }
    assertError(await teacher.post('/api/v1/grade-scales', body), 403, 'forbidden')
    const added = assertStatus(await admin.post('/api/v1/grade-scales', body), 201)
    assert.equal(added.grades[2].rank, 2)
    assertError(await admin.post('/api/v1/grade-scales', body), 409, 'conflict', 'key')
    assertError(await admin.post('/api/v1/grade-scales', { ...body, key: 'gcse' }), 422, 'invalid', 'key')
    assertError(await server.request('GET', '/api/v1/grade-scales'), 401, 'unauthenticated')
  })

  test('subject scales and KS3 expectations', async () => {
    const scales = assertStatus(await teacher.get(`/api/v1/subjects/${maths.id}/scales`), 200)
    assert.equal(scales.ks4_scale_key, 'gcse_fine')
    assertError(await teacher.put(`/api/v1/subjects/${maths.id}/scales`, { ks4_scale_key: 'gcse' }), 403, 'forbidden')
    assertError(await admin.put(`/api/v1/subjects/${maths.id}/scales`, { ks4_scale_key: 'nope' }), 422, 'invalid', 'ks4_scale_key')
    assertError(await bridges.get(`/api/v1/subjects/${maths.id}/scales`), 404, 'not_found')
    const table = assertStatus(await teacher.get('/api/v1/ks3-expectations'), 200)
    assert.ok(table.expectations.length >= 9)
    assertError(await admin.put('/api/v1/ks3-expectations', { expectations: [{ nc_year: 7, term: 'autumn', meeting_from: 'S', meeting_to: '9' }] }), 422, 'invalid')
    const saved = assertStatus(await admin.put('/api/v1/ks3-expectations', { expectations: [{ nc_year: 7, term: 'autumn', meeting_from: 'F+', meeting_to: 'S' }] }), 200)
    assert.equal(saved.expectations.length, 1)
  })

  test('intake: the commissioning school enters it; grades off the scale are 422 naming the field', async () => {
    const path = `/api/v1/placements/${placement.id}/intake`
    const view = assertStatus(await teacher.get(path), 200)
    assert.equal(view.pupil_id, balancePupil.id)
    const saved = assertStatus(await senco.put(path, { maths: { working_at: { code: '5+', scale: 'gcse_fine' }, ks4_target: { code: '6', scale: 'gcse' }, exam_board: 'AQA' }, ks2_maths: 101 }), 200)
    assert.equal(saved.maths.working_at.code, '5+')
    assert.equal(saved.maths.exam_board, 'aqa')
    assertError(await senco.put(path, { maths: { working_at: { code: '7++', scale: 'gcse_fine' } } }), 422, 'invalid', 'maths.working_at')
    assertError(await senco.put(path, { ks2_reading: 60 }), 422, 'invalid', 'ks2_reading')
    assertError(await teacher.put(path, { notes: 'x' }), 403, 'forbidden')
    assertError(await bridges.get(path), 404, 'not_found')
    assertError(await server.request('PUT', path, { json: {} }), 401, 'unauthenticated')
  })

  test('home-school work is tracked to completion', async () => {
    const path = `/api/v1/placements/${placement.id}/home-school-work`
    const added = assertStatus(await senco.post(path, { title: 'Revision pack', subject: 'Maths' }), 201)
    assert.equal(added.status, 'set')
    assertError(await senco.post(path, { title: '' }), 422, 'invalid', 'title')
    assertError(await auditor.post(path, { title: 'x' }), 403, 'forbidden')
    const done = assertStatus(await teacher.patch(`/api/v1/home-school-work/${added.id}`, { status: 'completed' }), 200)
    assert.equal(done.status, 'completed')
    assert.ok(done.completed_date)
    assertError(await bridges.patch(`/api/v1/home-school-work/${added.id}`, { status: 'set' }), 404, 'not_found')
    const list = assertStatus(await senco.get(path), 200)
    assert.ok(list.items.some((item) => item.id === added.id))
  })

  test('targets: set, revise with a reason, history kept; others refused', async () => {
    const path = `/api/v1/pupils/${balancePupil.id}/targets`
    const grade = balancePupil.nc_year >= 10 ? '6' : 'S+'
    const wrong = balancePupil.nc_year >= 10 ? 'S+' : '6'
    assertError(await teacher.post(path, { subject_id: maths.id, grade: wrong, reason: 'x' }), 422, 'invalid', 'grade')
    assertStatus(await teacher.post(path, { subject_id: maths.id, grade, reason: 'From the baseline' }), 201)
    assertError(await teacher.post(path, { subject_id: maths.id, grade }), 422, 'invalid', 'reason')
    assertStatus(await teacher.post(path, { subject_id: maths.id, grade, reason: 'Reviewed' }), 201)
    const targets = assertStatus(await senco.get(path), 200)
    const current = targets.current.find((target) => target.subject_id === maths.id)
    assert.equal(current.reason, 'Reviewed')
    assert.ok(targets.history.filter((target) => target.subject_id === maths.id).length >= 2)
    assertError(await senco.post(path, { subject_id: maths.id, grade }), 403, 'forbidden')
    assertError(await auditor.post(path, { subject_id: maths.id, grade }), 403, 'forbidden')
    assertError(await bridges.get(path), 404, 'not_found')
    assertError(await server.request('GET', path), 401, 'unauthenticated')
  })
})
