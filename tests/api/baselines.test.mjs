// Baselines on entry (policy 000 ¶2, policy 004 §4.4): instruments, literacy and numeracy
// results, the SDQ scored with prorating, reverse-scored items and bands, 422s naming the field or
// item, learning pathways, further-assessment requests and their outcome; who may read and write.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'
import { pupilsPlacedOnlyAt } from './lib/pupils.mjs'

// Item scores as ticked (before reverse scoring), item N at index N-1. Item 3 (emotional) is not
// answered, so emotional is prorated from four items: (2+2+1+2)/4*5 = 8.75 -> 9. Reversed items:
// 7 ticked 2 scores 0 (conduct 0+0+1+0+0 = 1), 21 ticked 0 scores 2 and 25 ticked 1 scores 1
// (hyperactivity 1+1+1+2+1 = 6), 11 ticked 2 scores 0 and 14 ticked 1 scores 1 (peer 1+0+1+0+1 =
// 3). Prosocial 2+1+1+2+1 = 7. Total difficulties 9+1+6+3 = 19.
const SDQ_ITEMS = [2, 1, null, 1, 0, 1, 2, 2, 1, 1, 2, 1, 2, 1, 1, 1, 2, 0, 0, 1, 0, 0, 1, 2, 1]
// The teacher version's published bands for those scores.
const SDQ_EXPECTED = {
  emotional: { score: 9, band: 'very_high' },
  conduct: { score: 1, band: 'close_to_average' },
  hyperactivity: { score: 6, band: 'slightly_raised' },
  peer: { score: 3, band: 'slightly_raised' },
  prosocial: { score: 7, band: 'close_to_average' },
  total_difficulties: { score: 19, band: 'very_high' }
}

describe('baselines', () => {
  let server, orgs, admin, teacher, auditor, senco, kingsway, bridges, anonymous
  let pupil // placed at Balance (by Ashfield) and nowhere else
  let instruments // Balance's, by name
  let maths

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    admin = await server.as(USERS.balanceAdmin)
    teacher = await server.as(USERS.balanceTeacher)
    auditor = await server.as(USERS.balanceAuditor)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    bridges = await server.as(USERS.bridgesAdmin)
    anonymous = server.client(undefined)
    const [profile] = await pupilsPlacedOnlyAt(senco, orgs.balance.id, orgs.ashfield.id, 1)
    pupil = profile?.pupil
    assert.ok(pupil, 'a pupil Ashfield placed at Balance and nowhere else')
    const list = assertStatus(await teacher.get('/api/v1/baseline-instruments'), 200).items
    instruments = Object.fromEntries(list.map((instrument) => [instrument.name, instrument]))
    maths = assertStatus(await teacher.get('/api/v1/subjects'), 200).items.find((subject) => subject.name === 'Mathematics')
  })
  after(async () => { await server?.stop() })

  test('instruments: each organisation lists its own; admins add; scoring cannot change', async () => {
    for (const name of ['Reading (NGRT)', 'Reading age', 'Numeracy baseline', 'SDQ (teacher)']) assert.ok(instruments[name], name)
    for (const instrument of Object.values(instruments)) assert.equal(instrument.organisation_id, orgs.balance.id)
    assert.equal(instruments['Numeracy baseline'].score_type, 'raw')
    assert.equal(instruments['Numeracy baseline'].max_score, 50)
    assert.equal(instruments['SDQ (teacher)'].sdq_version, 'teacher')
    const theirs = assertStatus(await bridges.get('/api/v1/baseline-instruments'), 200).items
    assert.ok(theirs.length > 0 && theirs.every((instrument) => instrument.organisation_id === orgs.bridges.id))

    const body = { name: 'Spelling test', domain: 'literacy', measures: 'Spelling of common words', score_type: 'raw', max_score: 40 }
    assertError(await teacher.post('/api/v1/baseline-instruments', body), 403, 'forbidden')
    const answer = await admin.post('/api/v1/baseline-instruments', body)
    const added = assertStatus(answer, 201)
    assert.equal(answer.headers.get('location'), `/api/v1/baseline-instruments/${added.id}`)
    assert.equal(added.max_score, 40)
    assert.equal(added.active, true)
    assertError(await admin.post('/api/v1/baseline-instruments', body), 409, 'conflict', 'name')
    assertError(await admin.post('/api/v1/baseline-instruments', { ...body, name: 'No max', max_score: undefined }), 422, 'invalid', 'max_score')
    assertError(await admin.post('/api/v1/baseline-instruments', { ...body, name: 'Graded', score_type: 'scale_grade', max_score: undefined, scale_key: 'nope' }), 422, 'invalid', 'scale_key')
    assertError(await admin.post('/api/v1/baseline-instruments', { name: 'No type', domain: 'literacy' }), 422, 'invalid', 'score_type')
    assertError(await admin.post('/api/v1/baseline-instruments', { ...body, name: 'Bad domain', domain: 'art' }), 422, 'invalid', 'domain')

    const renamed = assertStatus(await admin.patch(`/api/v1/baseline-instruments/${added.id}`, { name: 'Spelling test (2025)', active: false }), 200)
    assert.equal(renamed.name, 'Spelling test (2025)')
    assert.equal(renamed.active, false)
    assertError(await admin.patch(`/api/v1/baseline-instruments/${added.id}`, { max_score: 60 }), 422, 'invalid', 'score_type')
    assertError(await bridges.patch(`/api/v1/baseline-instruments/${added.id}`, { name: 'Ours now' }), 404, 'not_found')
    assertError(await teacher.patch(`/api/v1/baseline-instruments/${added.id}`, { name: 'x' }), 403, 'forbidden')
    // An inactive instrument takes no new results.
    assertError(await teacher.post(`/api/v1/pupils/${pupil.id}/baselines`, { instrument_id: added.id, raw_score: 20 }), 422, 'invalid', 'instrument_id')
    assertError(await anonymous.get('/api/v1/baseline-instruments'), 401, 'unauthenticated')
  })

  test('literacy and numeracy results: scored on the instrument\'s terms, out of range is 422', async () => {
    const path = `/api/v1/pupils/${pupil.id}/baselines`
    const reading = instruments['Reading (NGRT)']
    const numeracy = instruments['Numeracy baseline']
    const readingAge = instruments['Reading age']
    const literacy = assertStatus(await teacher.post(path, { instrument_id: reading.id, standardised_score: 94, notes: 'Calm and focused' }), 201)
    assert.equal(literacy.standardised_score, 94)
    assert.equal(literacy.assessed_on, today())
    assert.equal(literacy.instrument.domain, 'literacy')
    assert.match(literacy.summary, /94/)
    const number = assertStatus(await teacher.post(path, { instrument_id: numeracy.id, raw_score: 34, assessed_on: today() }), 201)
    assert.match(number.summary, /34\/50/)
    assert.ok(number.placement_id, 'tied to the pupil\'s placement at Balance')
    const age = assertStatus(await teacher.post(path, { instrument_id: readingAge.id, age_equivalent: { years: 10, months: 4 } }), 201)
    assert.match(age.summary, /10y 4m/)

    assertError(await teacher.post(path, { instrument_id: numeracy.id, raw_score: 51 }), 422, 'invalid', 'raw_score')
    assertError(await teacher.post(path, { instrument_id: numeracy.id }), 422, 'invalid', 'raw_score')
    assertError(await teacher.post(path, { instrument_id: reading.id, standardised_score: 200 }), 422, 'invalid', 'standardised_score')
    assertError(await teacher.post(path, { instrument_id: readingAge.id, age_equivalent: { years: 10, months: 12 } }), 422, 'invalid', 'age_equivalent.months')
    assertError(await teacher.post(path, { instrument_id: numeracy.id, raw_score: 10, assessed_on: '2999-01-01' }), 422, 'invalid', 'assessed_on')
    assertError(await teacher.post(path, { raw_score: 10 }), 422, 'invalid', 'instrument_id')
    const bridgesInstrument = assertStatus(await bridges.get('/api/v1/baseline-instruments'), 200).items[0]
    assertError(await teacher.post(path, { instrument_id: bridgesInstrument.id, raw_score: 10 }), 422, 'invalid', 'instrument_id')

    const listed = assertStatus(await senco.get(path), 200).items
    for (const made of [literacy, number, age]) assert.ok(listed.some((item) => item.id === made.id), `result ${made.id} listed for the school`)
    const one = assertStatus(await senco.get(`/api/v1/baselines/${number.id}`), 200)
    assert.equal(one.raw_score, 34)
    assertError(await kingsway.get(`/api/v1/baselines/${number.id}`), 404, 'not_found')
  })

  test('the SDQ: one missing item prorated, reversed items, bands; an item out of range names the item', async () => {
    const path = `/api/v1/pupils/${pupil.id}/baselines`
    const sdq = instruments['SDQ (teacher)']
    const scored = assertStatus(await teacher.post(path, { instrument_id: sdq.id, items: SDQ_ITEMS }), 201)
    assert.equal(scored.items.length, 25)
    assert.equal(scored.items[2], null, 'the unanswered item stays unanswered')
    for (const [scale, expected] of Object.entries(SDQ_EXPECTED)) {
      assert.equal(scored.sdq[scale].score, expected.score, scale)
      assert.equal(scored.sdq[scale].band, expected.band, scale)
      assert.ok(scored.sdq[scale].band_label, scale)
    }
    assert.match(scored.summary, /19/)
    // Read back, it is scored the same.
    const again = assertStatus(await senco.get(`/api/v1/baselines/${scored.id}`), 200)
    assert.deepEqual(again.sdq, scored.sdq)

    const outOfRange = [...SDQ_ITEMS]
    outOfRange[6] = 3
    const error = assertError(await teacher.post(path, { instrument_id: sdq.id, items: outOfRange }), 422, 'invalid', 'items[7]')
    assert.equal(error.fields.length, 1, JSON.stringify(error.fields))
    assertError(await teacher.post(path, { instrument_id: sdq.id, items: [...SDQ_ITEMS, 1] }), 422, 'invalid', 'items[26]')
    assertError(await teacher.post(path, { instrument_id: sdq.id, items: SDQ_ITEMS.map(() => null) }), 422, 'invalid', 'items')
    assertError(await teacher.post(path, { instrument_id: sdq.id, items: SDQ_ITEMS.map((item) => (item === null ? 'x' : item)) }), 422, 'invalid', 'items[3]')

    // Too few answers in a subscale (two of five): that scale and the total cannot be scored.
    const sparse = [...SDQ_ITEMS]
    for (const item of [8, 13, 16]) sparse[item - 1] = null
    const partial = assertStatus(await teacher.post(path, { instrument_id: sdq.id, items: sparse }), 201)
    assert.equal(partial.sdq.emotional, null)
    assert.equal(partial.sdq.total_difficulties, null)
    assert.equal(partial.sdq.conduct.score, 1)
  })

  test('pathways: written by the provider, read by the school', async () => {
    const path = `/api/v1/pupils/${pupil.id}/pathways/${maths.id}`
    const body = { starting_point: 'Secure with fractions', priorities: 'Ratio, algebra', pathway: 'Foundation GCSE route' }
    const saved = assertStatus(await teacher.put(path, body), 200)
    assert.equal(saved.subject_name, 'Mathematics')
    assert.equal(saved.pathway, 'Foundation GCSE route')
    const revised = assertStatus(await teacher.put(path, { ...body, priorities: 'Algebra first' }), 200)
    assert.ok(revised.updated_at > saved.updated_at)
    const read = assertStatus(await senco.get(path), 200)
    assert.equal(read.priorities, 'Algebra first')
    assert.ok(assertStatus(await senco.get(`/api/v1/pupils/${pupil.id}/pathways`), 200).items.some((item) => item.subject_id === maths.id))
    assertError(await teacher.put(path, { starting_point: '', priorities: '', pathway: '' }), 422, 'invalid')
    const bridgesSubject = assertStatus(await bridges.get('/api/v1/subjects'), 200).items[0]
    assertError(await teacher.put(`/api/v1/pupils/${pupil.id}/pathways/${bridgesSubject.id}`, body), 422, 'invalid', 'subject_id')
    assertError(await senco.put(path, body), 403, 'forbidden')
    assertError(await auditor.put(path, body), 403, 'forbidden')
    assertError(await teacher.get(`/api/v1/pupils/${pupil.id}/pathways/999999`), 404, 'not_found')
  })

  test('further assessment: requested, then closed with its outcome', async () => {
    const path = `/api/v1/pupils/${pupil.id}/further-assessments`
    const answer = await teacher.post(path, { kind: 'dyslexia_screening', reason: 'Reading age well below chronological age' })
    const made = assertStatus(answer, 201)
    assert.equal(answer.headers.get('location'), `/api/v1/further-assessments/${made.id}`)
    assert.equal(made.status, 'open')
    assert.equal(made.requested_on, today())
    assert.equal(made.kind_label, 'Dyslexia screening')
    assert.equal(made.organisation_id, orgs.balance.id)
    assertError(await teacher.post(path, { kind: 'astrology', reason: 'x' }), 422, 'invalid', 'kind')
    assertError(await teacher.post(path, { reason: 'x' }), 422, 'invalid', 'kind')
    assertError(await teacher.post(path, { kind: 'other', reason: ' ' }), 422, 'invalid', 'reason')
    assertError(await senco.post(path, { kind: 'other', reason: 'x' }), 403, 'forbidden')

    const item = `/api/v1/further-assessments/${made.id}`
    assertError(await teacher.patch(item, { status: 'closed' }), 422, 'invalid', 'outcome')
    assertError(await teacher.patch(item, { status: 'closed', outcome: 'Indicators of dyslexia', outcome_on: '2999-01-01' }), 422, 'invalid', 'outcome_on')
    const closed = assertStatus(await teacher.patch(item, { status: 'closed', outcome: 'Indicators of dyslexia', outcome_on: today() }), 200)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.outcome, 'Indicators of dyslexia')
    assert.equal(closed.outcome_on, today())
    assertError(await senco.patch(item, { outcome: 'x' }), 403, 'forbidden')
    const seen = assertStatus(await senco.get(path), 200).items.find((request) => request.id === made.id)
    assert.equal(seen.status, 'closed')
    assertError(await kingsway.get(item), 404, 'not_found')
    assertError(await kingsway.patch(item, { outcome: 'x' }), 404, 'not_found')
  })

  test('another school\'s or provider\'s pupil is 404; no credentials 401; the wrong role 403', async () => {
    const reading = instruments['Reading (NGRT)']
    for (const area of ['baselines', 'pathways', 'further-assessments']) {
      assertError(await kingsway.get(`/api/v1/pupils/${pupil.id}/${area}`), 404, 'not_found')
      assertError(await bridges.get(`/api/v1/pupils/${pupil.id}/${area}`), 404, 'not_found')
      assertError(await anonymous.get(`/api/v1/pupils/${pupil.id}/${area}`), 401, 'unauthenticated')
    }
    assertError(await bridges.post(`/api/v1/pupils/${pupil.id}/baselines`, { instrument_id: reading.id, standardised_score: 100 }), 404, 'not_found')
    assertError(await anonymous.post(`/api/v1/pupils/${pupil.id}/baselines`, { instrument_id: reading.id, standardised_score: 100 }), 401, 'unauthenticated')
    assertError(await senco.post(`/api/v1/pupils/${pupil.id}/baselines`, { instrument_id: reading.id, standardised_score: 100 }), 403, 'forbidden')
    assertError(await auditor.post(`/api/v1/pupils/${pupil.id}/baselines`, { instrument_id: reading.id, standardised_score: 100 }), 403, 'forbidden')
    assertError(await teacher.get('/api/v1/pupils/999999/baselines'), 404, 'not_found')
  })
})
