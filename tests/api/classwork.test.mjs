// Classwork: exit tickets (per pupil, the grid's idempotent PUT, PATCH), marked work and evidence
// files; who may write (provider staff), who may read, and another school's pupil answering 404.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'
import { pupilsPlacedOnlyAt } from './lib/pupils.mjs'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')

describe('classwork', () => {
  let server, orgs, teacher, auditor, bridges, senco, kingsway
  let pupil // a pupil placed at Balance by Ashfield
  let maths

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    auditor = await server.as(USERS.balanceAuditor)
    bridges = await server.as(USERS.bridgesAdmin)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    const subjects = assertStatus(await teacher.get('/api/v1/exit-ticket-subjects'), 200).items
    assert.deepEqual(subjects.map((s) => s.name), ['English', 'Mathematics', 'Science'])
    maths = subjects.find((s) => s.name === 'Mathematics')
    // A pupil whose only placement is Ashfield's at Balance, so Bridges and Kingsway cannot see them.
    const [profile] = await pupilsPlacedOnlyAt(senco, orgs.balance.id, orgs.ashfield.id, 1)
    pupil = profile?.pupil
    assert.ok(pupil, 'a pupil Ashfield placed at Balance and nowhere else')
  })
  after(async () => { await server?.stop() })

  test('the teacher records an exit ticket: 201, and the demo half term is there', async () => {
    const answer = await teacher.post(`/api/v1/pupils/${pupil.id}/exit-tickets`, {
      subject_id: maths.id, lesson_date: today(), topic: 'API test topic', score: 7, max_score: 10, mark: 'partial'
    })
    const body = assertStatus(answer, 201)
    assert.equal(body.percent, 70)
    assert.equal(answer.headers.get('location'), `/api/v1/exit-tickets/${body.id}`)
    const again = await teacher.post(`/api/v1/pupils/${pupil.id}/exit-tickets`, {
      subject_id: maths.id, lesson_date: today(), topic: 'API test topic', score: 8, max_score: 10
    })
    assertError(again, 409, 'conflict', 'topic')
    const listed = assertStatus(await senco.get(`/api/v1/pupils/${pupil.id}/exit-tickets`), 200).items
    assert.ok(listed.length > 5, 'demo tickets plus ours')
    for (let i = 1; i < listed.length; i++) assert.ok(listed[i - 1].lesson_date <= listed[i].lesson_date)
  })

  test('PUT upserts by (pupil, subject, date, topic) and renames with previous_topic', async () => {
    const key = { pupil_id: pupil.id, subject_id: maths.id, lesson_date: today(), topic: 'Grid topic' }
    const first = await teacher.put('/api/v1/exit-tickets', { ...key, score: 4, max_score: 5 })
    const created = assertStatus(first, 201)
    const second = assertStatus(await teacher.put('/api/v1/exit-tickets', { ...key, score: 5, max_score: 5 }), 200)
    assert.equal(second.id, created.id)
    assert.equal(second.score, 5)
    const renamed = assertStatus(await teacher.put('/api/v1/exit-tickets', { ...key, topic: 'Grid topic 2', previous_topic: 'Grid topic', score: 5, max_score: 5 }), 200)
    assert.equal(renamed.id, created.id)
    assert.equal(renamed.topic, 'Grid topic 2')
  })

  test('422 names the field: score above max, a grade not on the scale, missing topic', async () => {
    const base = { pupil_id: pupil.id, subject_id: maths.id, lesson_date: today() }
    assertError(await teacher.put('/api/v1/exit-tickets', { ...base, topic: 'x', score: 11, max_score: 10 }), 422, 'invalid', 'score')
    const grade = assertError(await teacher.put('/api/v1/exit-tickets', { ...base, topic: 'x', grade: '7++' }), 422, 'invalid', 'grade')
    assert.match(grade.message, /not a grade/)
    assertError(await teacher.put('/api/v1/exit-tickets', { ...base, topic: '' }), 422, 'invalid', 'topic')
    const graded = assertStatus(await teacher.put('/api/v1/exit-tickets', { ...base, topic: 'Graded', grade: 'secure+', grade_scale: 'ks3' }), 201)
    assert.equal(graded.grade, 'S+')
  })

  test('PATCH records the pupil response; a stale updated_at is 409', async () => {
    const ticket = assertStatus(await teacher.put('/api/v1/exit-tickets', { pupil_id: pupil.id, subject_id: maths.id, lesson_date: today(), topic: 'Patch me' }), 201)
    const patched = assertStatus(await teacher.patch(`/api/v1/exit-tickets/${ticket.id}`, { pupil_response: 'Corrected', redraft: 'Done again', updated_at: ticket.updated_at }), 200)
    assert.equal(patched.pupil_response, 'Corrected')
    assertError(await teacher.patch(`/api/v1/exit-tickets/${ticket.id}`, { comment: 'x', updated_at: ticket.updated_at }), 409, 'conflict', 'updated_at')
    assertStatus(await senco.get(`/api/v1/exit-tickets/${ticket.id}`), 200)
  })

  test('401 without credentials; 403 for the commissioning school and the auditor', async () => {
    const anonymous = server.client(undefined)
    assertError(await anonymous.get(`/api/v1/pupils/${pupil.id}/exit-tickets`), 401, 'unauthenticated')
    const body = { subject_id: maths.id, lesson_date: today(), topic: 'Not mine', score: 1, max_score: 2 }
    assertError(await senco.post(`/api/v1/pupils/${pupil.id}/exit-tickets`, body), 403, 'forbidden')
    assertError(await auditor.post(`/api/v1/pupils/${pupil.id}/exit-tickets`, body), 403, 'forbidden')
  })

  test("another school's pupil and another provider's pupil answer 404", async () => {
    assertError(await kingsway.get(`/api/v1/pupils/${pupil.id}/exit-tickets`), 404, 'not_found')
    assertError(await kingsway.get(`/api/v1/pupils/${pupil.id}/work`), 404, 'not_found')
    assertError(await bridges.post(`/api/v1/pupils/${pupil.id}/exit-tickets`, { subject_id: maths.id, lesson_date: today(), topic: 't' }), 404, 'not_found')
  })

  test('a group grid lists its pupils and their tickets', async () => {
    const groups = assertStatus(await teacher.get(`/api/v1/teaching-groups`), 200).items
    const group = groups.find((g) => g.subject_id === maths.id)
    const grid = assertStatus(await teacher.get(`/api/v1/teaching-groups/${group.id}/exit-tickets?subject_id=${maths.id}&date=${today()}`), 200)
    assert.ok(grid.pupils.length > 0)
    assertError(await teacher.get(`/api/v1/teaching-groups/${group.id}/exit-tickets?date=${today()}`), 422, 'invalid', 'subject_id')
    assertError(await senco.get(`/api/v1/teaching-groups/${group.id}/exit-tickets?subject_id=${maths.id}&date=${today()}`), 404, 'not_found')
  })

  describe('marked work and evidence', () => {
    let work
    before(async () => {
      work = assertStatus(await teacher.post(`/api/v1/pupils/${pupil.id}/work`, { subject_id: maths.id, title: 'Fractions test', work_date: today(), feedback: 'Good' }), 201)
    })

    test('marking and the pupil response', async () => {
      const patched = assertStatus(await teacher.patch(`/api/v1/work/${work.id}`, { self_assessment: '2', pupil_response: 'Fixed Q3' }), 200)
      assert.equal(patched.pupil_response, 'Fixed Q3')
      assertError(await teacher.post(`/api/v1/pupils/${pupil.id}/work`, { subject_id: maths.id, title: '', work_date: today() }), 422, 'invalid', 'title')
    })

    test('a file named .pdf with PNG content is stored as image/png and downloads as an attachment', async () => {
      const answer = await teacher.raw('POST', `/api/v1/work/${work.id}/evidence?filename=${encodeURIComponent('../scan.pdf')}`, { body: PNG, contentType: 'application/pdf' })
      const file = assertStatus(answer, 201)
      assert.equal(file.media_type, 'image/png')
      assert.equal(file.original_name, 'scan.pdf')
      assert.equal(file.size_bytes, PNG.length)
      assert.match(file.sha256, /^[0-9a-f]{64}$/)
      const download = await senco.get(`/api/v1/evidence/${file.id}`)
      assert.equal(download.status, 200)
      assert.equal(download.headers.get('content-type'), 'image/png')
      assert.match(download.headers.get('content-disposition'), /^attachment/)
      assertError(await kingsway.get(`/api/v1/evidence/${file.id}`), 404, 'not_found')
      const listed = assertStatus(await teacher.get(`/api/v1/pupils/${pupil.id}/work`), 200).items
      assert.ok(listed.find((w) => w.id === work.id).evidence.length === 1)
    })

    test('an HTML file renamed .pdf, an empty file and a file over 10 MiB are refused on "file"', async () => {
      const html = Buffer.from('<html><script>alert(1)</script></html>')
      assertError(await teacher.raw('POST', `/api/v1/work/${work.id}/evidence?filename=x.pdf`, { body: html, contentType: 'application/pdf' }), 422, 'invalid', 'file')
      assertError(await teacher.raw('POST', `/api/v1/work/${work.id}/evidence`, { body: Buffer.alloc(0), contentType: 'application/pdf' }), 422, 'invalid', 'file')
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)])
      assertError(await teacher.raw('POST', `/api/v1/work/${work.id}/evidence`, { body: big, contentType: 'application/pdf' }), 422, 'invalid', 'file')
      assertError(await senco.raw('POST', `/api/v1/work/${work.id}/evidence`, { body: PNG, contentType: 'image/png' }), 403, 'forbidden')
    })
  })
})
