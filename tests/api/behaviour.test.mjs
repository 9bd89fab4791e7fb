// Behaviour and rewards: incidents for several pupils, validation naming the field, who may record
// (provider staff) and read, another school's pupil 404, what the home school sees at each sharing
// level (never another pupil's name), rewards and one Student of the Week, the analysis.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'

describe('behaviour', () => {
  let server, orgs, teacher, admin, auditor, bridges, senco, kingsway, head
  let pupil, other // two pupils Ashfield placed at Balance
  let placement // pupil's active placement at Balance

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    admin = await server.as(USERS.balanceAdmin)
    head = await server.as(USERS.balanceHead)
    auditor = await server.as(USERS.balanceAuditor)
    bridges = await server.as(USERS.bridgesAdmin)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    const list = assertStatus(await senco.get(`/api/v1/pupils?provider_id=${orgs.balance.id}&status=active&limit=20`), 200)
    // `pupil` has just the one placement, so what Ashfield sees comes from that agreement alone.
    for (const item of list.items) {
      const profile = assertStatus(await admin.get(`/api/v1/pupils/${item.id}`), 200)
      if (!pupil && profile.placements.length === 1) {
        pupil = item
        placement = profile.placements[0]
      } else if (!other) {
        other = item
      }
    }
    assert.ok(pupil && other && placement.status === 'active', 'two pupils Ashfield placed at Balance')
  })
  after(async () => { await server?.stop() })

  function incident (extra = {}) {
    return {
      incident_date: today(), time: '10:45', type: 'Verbal abuse', severity: 'high',
      description: 'Argument in the corridor', action_taken: 'Separated', pupils: [pupil.id, other.id], ...extra
    }
  }

  test('the teacher records an incident for two pupils: 201 with both named to the provider', async () => {
    const answer = await teacher.post('/api/v1/behaviour-incidents', incident())
    const body = assertStatus(answer, 201)
    assert.equal(answer.headers.get('location'), `/api/v1/behaviour-incidents/${body.id}`)
    assert.deepEqual(body.pupils.map((p) => p.pupil_id).sort(), [pupil.id, other.id].sort())
    for (const involved of body.pupils) assert.ok(involved.name.length > 0)
    const listed = assertStatus(await head.get(`/api/v1/behaviour-incidents?from=${today()}&to=${today()}`), 200).items
    assert.ok(listed.some((item) => item.id === body.id))
    assertStatus(await admin.get(`/api/v1/behaviour-incidents/${body.id}`), 200)
    assertError(await bridges.get(`/api/v1/behaviour-incidents/${body.id}`), 404, 'not_found')
  })

  test('422 names the field; 403 for the school and the auditor; 404 for another provider\'s pupil', async () => {
    const url = '/api/v1/behaviour-incidents'
    assertError(await teacher.post(url, incident({ description: '' })), 422, 'invalid', 'description')
    assertError(await teacher.post(url, incident({ type: 'Juggling' })), 422, 'invalid', 'type')
    assertError(await teacher.post(url, incident({ severity: 'awful' })), 422, 'invalid', 'severity')
    assertError(await teacher.post(url, incident({ time: '25:00' })), 422, 'invalid', 'time')
    assertError(await teacher.post(url, incident({ incident_date: '2999-01-01' })), 422, 'invalid', 'incident_date')
    assertError(await teacher.post(url, incident({ pupils: [] })), 422, 'invalid', 'pupils')
    assertError(await teacher.post(url, incident({ pupils: [pupil.id, pupil.id] })), 422, 'invalid', 'pupils[1].pupil_id')
    assertError(await teacher.post(url, incident({ home_school_informed_on: today() })), 422, 'invalid', 'pupils[0].home_school_informed_by')
    const { time, ...noTime } = incident()
    assert.ok(time)
    assertError(await teacher.post(url, noTime), 422, 'invalid', 'time')
    assertError(await senco.post(url, incident()), 403, 'forbidden')
    assertError(await auditor.post(url, incident()), 403, 'forbidden')
    const bridgesPupils = assertStatus(await bridges.get('/api/v1/pupils?limit=50'), 200).items
    const balanceIds = new Set(assertStatus(await admin.get('/api/v1/pupils?limit=200'), 200).items.map((p) => p.id))
    const elsewhere = bridgesPupils.find((p) => !balanceIds.has(p.id))
    assertError(await teacher.post(url, incident({ pupils: [pupil.id, elsewhere.id] })), 404, 'not_found')
    assertError(await senco.get(url), 403, 'forbidden')
  })

  test('follow-up and home school told: PATCH keeps the pupils involved', async () => {
    const created = assertStatus(await teacher.post('/api/v1/behaviour-incidents', incident({ severity: 'low' })), 201)
    const users = assertStatus(await admin.get('/api/v1/users'), 200).items
    const headUser = users.find((user) => user.email === 'head@balance.example')
    const patched = assertStatus(await head.patch(`/api/v1/behaviour-incidents/${created.id}`, {
      follow_up: 'Restorative meeting held', pupils: [{ pupil_id: pupil.id, home_school_informed_on: today(), home_school_informed_by: headUser.id }]
    }), 200)
    assert.equal(patched.follow_up, 'Restorative meeting held')
    assert.equal(patched.pupils.length, 2)
    assert.equal(patched.pupils.find((p) => p.pupil_id === pupil.id).home_school_informed_on, today())
    assert.equal(patched.pupils.find((p) => p.pupil_id === other.id).home_school_informed_on, null)
    assertError(await bridges.patch(`/api/v1/behaviour-incidents/${created.id}`, { follow_up: 'x' }), 404, 'not_found')
    assertError(await head.patch(`/api/v1/behaviour-incidents/${created.id}`, { description: '' }), 422, 'invalid', 'description')
  })

  test('sharing: the school sees nothing, a summary, or its own pupil\'s incidents with no other name', async () => {
    assertStatus(await teacher.post('/api/v1/behaviour-incidents', incident({ severity: 'serious' })), 201)
    const url = `/api/v1/placements/${placement.id}/sharing`
    assertError(await teacher.put(url, { behaviour: 'full' }), 403, 'forbidden')
    assertError(await senco.put(url, { behaviour: 'full' }), 403, 'forbidden')
    assertError(await kingsway.put(url, { behaviour: 'full' }), 404, 'not_found')
    assertError(await admin.put(url, { behaviour: 'some' }), 422, 'invalid', 'behaviour')

    assert.equal(assertStatus(await admin.put(url, { behaviour: 'none' }), 200).behaviour, 'none')
    let seen = assertStatus(await senco.get(`/api/v1/pupils/${pupil.id}/behaviour`), 200)
    assert.equal(seen.incident_total, 0)
    assert.deepEqual(seen.incidents, [])
    assert.equal(seen.points_total, 0)

    assertStatus(await admin.put(url, { behaviour: 'summary' }), 200)
    seen = assertStatus(await senco.get(`/api/v1/pupils/${pupil.id}/behaviour`), 200)
    assert.ok(seen.incident_total >= 1)
    assert.ok(seen.by_severity.serious >= 1)
    assert.deepEqual(seen.incidents, [])
    assert.equal(seen.summary_only, true)

    assertStatus(await admin.put(url, { behaviour: 'full' }), 200)
    seen = assertStatus(await senco.get(`/api/v1/pupils/${pupil.id}/behaviour`), 200)
    assert.ok(seen.incidents.length >= 1)
    for (const item of seen.incidents) {
      assert.deepEqual(item.pupils.map((p) => p.pupil_id), [pupil.id])
      for (const involved of item.pupils) assert.equal(involved.name, undefined)
    }
    assert.ok(!JSON.stringify(seen).includes(`"pupil_id":${other.id}`))
    assert.equal(assertStatus(await senco.get(url), 200).behaviour, 'full')

    const own = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/behaviour?from=${today()}&to=${today()}`), 200)
    assert.ok(own.incidents.some((item) => item.pupils.length === 2))
    assertError(await kingsway.get(`/api/v1/pupils/${pupil.id}/behaviour`), 404, 'not_found')
    assertError(await senco.get(`/api/v1/pupils/${pupil.id}/behaviour?from=soon`), 422, 'invalid', 'from')
  })

  test('rewards: points, one Student of the Week per provider per week', async () => {
    const url = `/api/v1/pupils/${pupil.id}/rewards`
    const points = assertStatus(await teacher.post(url, { kind: 'points', points: 3, reason: 'Great redraft' }), 201)
    assert.equal(points.award_date, today())
    assertError(await teacher.post(url, { kind: 'points', points: 0, reason: 'x' }), 422, 'invalid', 'points')
    assertError(await teacher.post(url, { kind: 'points', points: 2 }), 422, 'invalid', 'reason')
    assertError(await teacher.post(url, { kind: 'stars', reason: 'x' }), 422, 'invalid', 'kind')
    assertError(await senco.post(url, { kind: 'points', points: 1, reason: 'x' }), 403, 'forbidden')
    assertError(await kingsway.post(url, { kind: 'points', points: 1, reason: 'x' }), 404, 'not_found')
    assertStatus(await teacher.post(url, { kind: 'student_of_the_week', reason: 'Kindness all week' }), 201)
    assertError(await teacher.post(`/api/v1/pupils/${other.id}/rewards`, { kind: 'student_of_the_week', reason: 'x' }), 409, 'conflict', 'kind')
    const record = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/behaviour?from=${today()}`), 200)
    assert.ok(record.points_total >= 3)
    assert.ok(record.student_of_the_week >= 1)
  })

  test('analysis by pupil, type, day and time: provider staff only', async () => {
    const analysis = assertStatus(await teacher.get(`/api/v1/behaviour/analysis?from=${today()}&to=${today()}`), 200)
    assert.ok(analysis.incidents >= 1)
    assert.ok(analysis.by_hour.some((row) => row.key === '10'))
    assert.ok(analysis.by_type.some((row) => row.key === 'Verbal abuse'))
    assert.equal(analysis.by_severity.length, 4)
    assert.ok(analysis.by_weekday.length >= 5)
    const demo = assertStatus(await head.get('/api/v1/behaviour/analysis'), 200)
    assert.ok(demo.incidents > 5, 'six weeks of demo incidents')
    assertError(await senco.get('/api/v1/behaviour/analysis'), 403, 'forbidden')
    assertError(await teacher.get(`/api/v1/behaviour/analysis?from=${today()}&to=2000-01-01`), 422, 'invalid', 'to')
  })

  test('incident types: the provider admin sets them', async () => {
    const types = assertStatus(await teacher.get('/api/v1/behaviour-types'), 200).items
    assert.ok(types.includes('Verbal abuse'))
    assertError(await teacher.put('/api/v1/behaviour-types', { items: ['Lateness'] }), 403, 'forbidden')
    assertError(await admin.put('/api/v1/behaviour-types', { items: [] }), 422, 'invalid', 'types')
    assertError(await admin.put('/api/v1/behaviour-types', { items: 'Lateness' }), 422, 'invalid', 'items')
    const saved = assertStatus(await admin.put('/api/v1/behaviour-types', { items: [...types, 'Lateness'] }), 200).items
    assert.ok(saved.includes('Lateness'))
    assertStatus(await teacher.post('/api/v1/behaviour-incidents', incident({ type: 'Lateness', severity: 'low', pupils: [pupil.id] })), 201)
  })
})
