// The 3-weekly feedback form (policy 000 ¶4-6): the due list, a form prefilled from exit tickets,
// edits checked field by field (ATL 1-4, an override needs a reason), draft -> ready -> sent, a
// sent form locked and corrected by a new version, who sees what (the commissioning school sent
// forms only; another school and another provider 404), and the PDF's text.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'
import { pupilsPlacedOnlyAt } from './lib/pupils.mjs'

describe('feedback forms', () => {
  let server, orgs, teacher, head, auditor, senco, kingsway, bridges, anonymous
  let profile // a pupil placed at Balance (by Ashfield) and nowhere else
  let form // the draft this suite creates and takes through its life
  let subjects // Balance's subjects

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    head = await server.as(USERS.balanceHead)
    auditor = await server.as(USERS.balanceAuditor)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    bridges = await server.as(USERS.bridgesAdmin)
    anonymous = server.client(undefined)
    subjects = assertStatus(await teacher.get('/api/v1/subjects'), 200).items
    // The first Balance-only pupil whose latest period has no form yet (the demo may have made
    // some); the form is made here through the API.
    for (const candidate of await pupilsPlacedOnlyAt(senco, orgs.balance.id, orgs.ashfield.id, 10)) {
      const answer = await teacher.post(`/api/v1/pupils/${candidate.pupil.id}/feedback-forms`, {})
      if (answer.status === 409) continue
      form = assertStatus(answer, 201)
      profile = candidate
      break
    }
    assert.ok(form, 'a Balance-only pupil whose current period has no feedback form')
  })
  after(async () => { await server?.stop() })

  test('a new form is a prefilled draft for the pupil\'s placement, one per period', async () => {
    assert.equal(form.pupil_id, profile.pupil.id)
    assert.equal(form.placement_id, profile.placements[0].id)
    assert.equal(form.provider_id, orgs.balance.id)
    assert.equal(form.status, 'draft')
    assert.equal(form.version, 1)
    assert.equal(form.supersedes_id, null)
    assert.ok(form.period.number >= 1)
    assert.ok(form.period.start <= today() && form.period.start <= form.period.end, JSON.stringify(form.period))
    // The demo's exit tickets in the period give the subjects and their topics, in order taught.
    const tickets = assertStatus(await teacher.get(`/api/v1/pupils/${form.pupil_id}/exit-tickets`), 200).items
      .filter((ticket) => ticket.lesson_date >= form.period.start && ticket.lesson_date <= form.period.end)
    assert.ok(tickets.length > 0, 'the demo has exit tickets in the current period')
    assert.ok(form.subjects.length > 0)
    for (const subject of form.subjects) {
      assert.ok(subject.subject_name, JSON.stringify(subject))
      const taught = tickets.filter((ticket) => ticket.subject_id === subject.subject_id).map((ticket) => ticket.topic)
      assert.deepEqual(new Set(subject.topics), new Set(taught), subject.subject_name)
      assert.equal(subject.atl, null)
      assert.equal(subject.indicator, null)
    }
    const again = await teacher.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, { period_number: form.period.number })
    assertError(again, 409, 'conflict', 'period_number')
    assertError(await teacher.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, { period_number: 999 }), 422, 'invalid', 'period_number')
    assertError(await teacher.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, { period_number: 'one' }), 422, 'invalid', 'period_number')
    const listed = assertStatus(await teacher.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 200).items
    assert.ok(listed.some((item) => item.id === form.id && item.status === 'draft'))
  })

  test('the due list is the provider staff\'s; it shows forms whose period has ended', async () => {
    const due = assertStatus(await teacher.get('/api/v1/feedback-forms/due'), 200)
    assert.ok(Array.isArray(due.items))
    let count = 0
    for (const member of due.items) {
      assert.ok(member.display_name)
      for (const item of member.forms) {
        count += 1
        assert.ok(item.period.due <= today(), `a form due ${item.period.due} is listed before its period ends`)
        assert.ok(item.pupil_name)
        assert.ok(item.form_id === null || ['draft', 'ready'].includes(item.status), JSON.stringify(item))
      }
    }
    assert.ok(count > 0, 'the demo has finished periods without a sent form')
    assertError(await senco.get('/api/v1/feedback-forms/due'), 403, 'forbidden')
    assertError(await auditor.get('/api/v1/feedback-forms/due'), 403, 'forbidden')
    assertError(await anonymous.get('/api/v1/feedback-forms/due'), 401, 'unauthenticated')
  })

  test('a due form, once started, shows its draft; once sent it leaves the list', async () => {
    const due = assertStatus(await teacher.get('/api/v1/feedback-forms/due'), 200)
    const open = due.items.flatMap((member) => member.forms).find((item) => item.form_id === null)
    assert.ok(open, 'a due form not yet started')
    const started = assertStatus(await teacher.post(`/api/v1/pupils/${open.pupil_id}/feedback-forms`, { period_number: open.period.number }), 201)
    assert.equal(started.period.end, open.period.end)
    const listedNow = assertStatus(await teacher.get('/api/v1/feedback-forms/due'), 200).items.flatMap((member) => member.forms)
    const entry = listedNow.find((item) => item.placement_id === open.placement_id && item.period.number === open.period.number)
    assert.equal(entry.form_id, started.id)
    assert.equal(entry.status, 'draft')
    const subjects = started.subjects.length > 0
      ? started.subjects.map((subject) => ({ subject_id: subject.subject_id, atl: 3, indicator: subject.proposed ?? 'meeting' }))
      : (await teacher.get('/api/v1/exit-ticket-subjects')).body.items.slice(0, 1).map((subject) => ({ subject_id: subject.id, topics: ['Revision'], atl: 3, indicator: 'meeting' }))
    assertStatus(await teacher.patch(`/api/v1/feedback-forms/${started.id}`, { subjects }), 200)
    assertStatus(await teacher.post(`/api/v1/feedback-forms/${started.id}/ready`), 200)
    assertStatus(await teacher.post(`/api/v1/feedback-forms/${started.id}/send`), 200)
    const after = assertStatus(await teacher.get('/api/v1/feedback-forms/due'), 200).items.flatMap((member) => member.forms)
    assert.ok(!after.some((item) => item.placement_id === open.placement_id && item.period.number === open.period.number))
  })

  test('edits: topics, ATL 1-4 and an indicator that overrides the proposal needs a reason', async () => {
    const path = `/api/v1/feedback-forms/${form.id}`
    const subject = form.subjects[0]
    // A working-at grade well below expectations (and, in KS4, below a target of 7) makes Waymark
    // propose Working Towards.
    const ks3 = subject.working_at_scale === 'ks3'
    const low = ks3 ? 'F-' : '1'
    assertStatus(await teacher.post(`/api/v1/pupils/${form.pupil_id}/targets`, { subject_id: subject.subject_id, grade: ks3 ? 'S' : '7', reason: 'Set by the feedback form tests' }), 201)
    let saved = assertStatus(await teacher.patch(path, { subjects: [{ subject_id: subject.subject_id, working_at: low }] }), 200)
    let row = saved.subjects[0]
    assert.equal(row.proposed, 'working_towards', JSON.stringify(row))
    assert.ok(row.proposal_reason.length > 0)

    const edit = { subject_id: subject.subject_id, topics: ['Fractions', 'Ratio'], atl: 3, working_at: low, indicator: 'exceeding' }
    const withoutReason = assertError(await teacher.patch(path, { subjects: [edit] }), 422, 'invalid', 'subjects[1].override_reason')
    assert.match(withoutReason.fields.find((field) => field.field === 'subjects[1].override_reason').reason, /Exceeding/)
    assertError(await teacher.patch(path, { subjects: [{ ...edit, atl: 5, override_reason: 'Strong work' }] }), 422, 'invalid', 'subjects[1].atl')
    assertError(await teacher.patch(path, { subjects: [{ ...edit, atl: 0, override_reason: 'Strong work' }] }), 422, 'invalid', 'subjects[1].atl')
    assertError(await teacher.patch(path, { subjects: [{ ...edit, topics: ['  '], override_reason: 'x' }] }), 422, 'invalid', 'subjects[1].topics')
    assertError(await teacher.patch(path, { subjects: [{ ...edit, indicator: 'brilliant', override_reason: 'x' }] }), 422, 'invalid', 'subjects[1].indicator')
    // A rejected edit changes nothing.
    assert.deepEqual(assertStatus(await teacher.get(path), 200).subjects[0].atl, null)

    saved = assertStatus(await teacher.patch(path, { comment: 'A settled three weeks.', subjects: [{ ...edit, override_reason: 'Strong classwork since the test' }] }), 200)
    row = saved.subjects[0]
    assert.equal(saved.subjects.length, 1, 'the form now lists just this subject')
    assert.deepEqual(row.topics, ['Fractions', 'Ratio'])
    assert.equal(row.atl, 3)
    assert.equal(row.atl_label, 'Good')
    assert.equal(row.indicator, 'exceeding')
    assert.equal(row.override_reason, 'Strong classwork since the test')
    assert.equal(saved.comment, 'A settled three weeks.')
    assert.ok(saved.updated_at > form.updated_at)
    assertError(await teacher.patch(path, { comment: 'stale', updated_at: form.updated_at }), 409, 'conflict', 'updated_at')
    form = saved
  })

  test('only the provider\'s staff write; others are refused, unsent forms are invisible to them', async () => {
    const path = `/api/v1/feedback-forms/${form.id}`
    assertError(await auditor.patch(path, { comment: 'x' }), 403, 'forbidden')
    assertError(await auditor.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, {}), 403, 'forbidden')
    assertError(await senco.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, {}), 403, 'forbidden')
    assertError(await bridges.post(`/api/v1/pupils/${form.pupil_id}/feedback-forms`, {}), 404, 'not_found')
    // A draft is the provider's own: the commissioning school does not see it yet.
    assertError(await senco.get(path), 404, 'not_found')
    assertError(await senco.patch(path, { comment: 'x' }), 404, 'not_found')
    assertError(await senco.get(`${path}/pdf`), 404, 'not_found')
    assert.ok(!assertStatus(await senco.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 200).items.some((item) => item.id === form.id))
    assertError(await anonymous.get(path), 401, 'unauthenticated')
    assertError(await anonymous.patch(path, { comment: 'x' }), 401, 'unauthenticated')
    assertError(await anonymous.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 401, 'unauthenticated')
  })

  test('draft -> ready -> sent; a sent form is locked; a correction is a new version', async () => {
    const path = `/api/v1/feedback-forms/${form.id}`
    assertError(await teacher.post(`${path}/send`), 422, 'invalid', 'status')
    // Ready needs every subject complete: a row without ATL is refused.
    const other = subjects.find((subject) => !form.subjects.some((row) => row.subject_id === subject.id))
    assertStatus(await teacher.patch(path, { subjects: [...form.subjects, { subject_id: other.id, topics: ['Unfinished'] }] }), 200)
    assertError(await teacher.post(`${path}/ready`), 422, 'invalid')
    assertStatus(await teacher.patch(path, { subjects: form.subjects }), 200)
    const ready = assertStatus(await teacher.post(`${path}/ready`), 200)
    assert.equal(ready.status, 'ready')
    assertError(await auditor.post(`${path}/send`), 403, 'forbidden')
    const sent = assertStatus(await head.post(`${path}/send`), 200)
    assert.equal(sent.status, 'sent')
    assert.ok(sent.sent_at > 0)
    assert.ok(sent.sent_by > 0)

    assertError(await teacher.patch(path, { comment: 'too late' }), 409, 'conflict', 'status')
    assertError(await teacher.post(`${path}/draft`), 409, 'conflict', 'status')
    assert.equal(assertStatus(await teacher.get(path), 200).comment, form.comment)

    assertError(await senco.post(`${path}/correct`), 403, 'forbidden')
    const correction = assertStatus(await teacher.post(`${path}/correct`), 201)
    assert.equal(correction.version, 2)
    assert.equal(correction.supersedes_id, form.id)
    assert.equal(correction.status, 'draft')
    assert.equal(correction.period.number, form.period.number)
    assert.deepEqual(correction.subjects, sent.subjects)
    assertError(await teacher.post(`${path}/correct`), 409, 'conflict', 'version')
    assertError(await teacher.post(`/api/v1/feedback-forms/${correction.id}/correct`), 409, 'conflict', 'status')
    const fixed = assertStatus(await teacher.patch(`/api/v1/feedback-forms/${correction.id}`, { comment: 'Corrected comment.' }), 200)
    assert.equal(fixed.comment, 'Corrected comment.')
    const both = assertStatus(await teacher.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 200).items
      .filter((item) => item.period.number === form.period.number && item.placement_id === form.placement_id)
    assert.deepEqual(both.map((item) => [item.version, item.status]), [[1, 'sent'], [2, 'draft']])
    assert.equal(both[0].comment, form.comment, 'the sent version is kept as sent')
  })

  test('the commissioning school sees sent forms only; another school and provider never', async () => {
    const path = `/api/v1/feedback-forms/${form.id}`
    const seen = assertStatus(await senco.get(path), 200)
    assert.equal(seen.status, 'sent')
    const theirs = assertStatus(await senco.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 200).items
    assert.ok(theirs.length > 0)
    for (const item of theirs) assert.equal(item.status, 'sent', 'the correction draft is not shown')
    const sentList = assertStatus(await senco.get('/api/v1/feedback-forms'), 200).items
    const mine = sentList.find((item) => item.id === form.id)
    assert.ok(mine, 'the sent form is in the school\'s list')
    assert.equal(mine.provider_name, orgs.balance.name)
    for (const item of sentList) assert.equal(item.status, 'sent')
    assertError(await kingsway.get(path), 404, 'not_found')
    assertError(await kingsway.get(`/api/v1/pupils/${form.pupil_id}/feedback-forms`), 404, 'not_found')
    assertError(await kingsway.get(`${path}/pdf`), 404, 'not_found')
    assertError(await bridges.get(path), 404, 'not_found')
    assert.ok(!assertStatus(await kingsway.get('/api/v1/feedback-forms'), 200).items.some((item) => item.id === form.id))
    assertError(await teacher.get('/api/v1/feedback-forms/999999'), 404, 'not_found')
  })

  test('the PDF names the provider, the pupil and the subjects', async () => {
    const answer = await senco.get(`/api/v1/feedback-forms/${form.id}/pdf`)
    assert.equal(answer.status, 200, answer.text)
    assert.equal(answer.headers.get('content-type'), 'application/pdf')
    const file = path.join(server.dir, 'form.pdf')
    const response = await fetch(`${server.base}/api/v1/feedback-forms/${form.id}/pdf`, { headers: { authorization: `Bearer ${senco.auth.bearer}` } })
    writeFileSync(file, Buffer.from(await response.arrayBuffer()))
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    assert.equal(text.status, 0, `pdftotext (poppler-utils) failed: ${text.stderr}`)
    const flat = text.stdout.replace(/\s+/g, ' ')
    assert.ok(flat.includes(orgs.balance.name), `provider name missing from: ${flat}`)
    const pupil = profile.pupil
    const name = `${pupil.preferred_forename || pupil.legal_forename} ${pupil.preferred_surname || pupil.legal_surname}`
    assert.ok(flat.includes(name), `pupil name ${name} missing from: ${flat}`)
    for (const subject of form.subjects) assert.ok(flat.includes(subject.subject_name), `${subject.subject_name} missing from: ${flat}`)
    for (const topic of form.subjects[0].topics) assert.ok(flat.includes(topic), `${topic} missing from: ${flat}`)
    assertError(await anonymous.get(`/api/v1/feedback-forms/${form.id}/pdf`), 401, 'unauthenticated')
  })
})
