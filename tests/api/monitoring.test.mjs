// AP monitoring: the provider's weekly RAG (proposal, confirm, override with a reason, the quick
// confirm), weekly updates (sent once; a school sees only what was sent to it), deterioration
// alerts, action plans, the rules, and another school's pupil answering 404.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, today } from './lib/server.mjs'

function mondayOf (iso) {
  const date = new Date(`${iso}T12:00:00Z`)
  const back = (date.getUTCDay() + 6) % 7
  date.setUTCDate(date.getUTCDate() - back)
  return date.toISOString().slice(0, 10)
}

describe('monitoring', () => {
  let server, orgs, teacher, head, auditor, senco, kingsway
  let week // this week's Monday
  let row // this week's row for a pupil Ashfield placed at Balance
  let teacherId

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    head = await server.as(USERS.balanceHead)
    auditor = await server.as(USERS.balanceAuditor)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    teacherId = (await server.login(USERS.balanceTeacher)).userId
    week = mondayOf(today())
  })
  after(async () => { await server?.stop() })

  test('the week lists every placed pupil with a proposal and reasons, none confirmed yet', async () => {
    const body = assertStatus(await teacher.get(`/api/v1/rag-weeks/${today()}`), 200)
    assert.equal(body.week_start, week)
    assert.ok(body.items.length > 0)
    assert.equal(body.unconfirmed, body.items.length, 'the demo leaves this week to confirm')
    assert.equal(body.can_confirm, true)
    for (const item of body.items) {
      assert.ok(['red', 'amber', 'green'].includes(item.proposed))
      assert.ok(item.reasons.length > 0)
      assert.equal(item.confirmed, null)
    }
    row = body.items.find((item) => item.commissioner_id === orgs.ashfield.id)
    assert.ok(row, 'a pupil Ashfield placed at Balance')
    assert.equal(assertStatus(await auditor.get(`/api/v1/rag-weeks/${week}`), 200).can_confirm, false)
    assertError(await senco.get(`/api/v1/rag-weeks/${week}`), 403, 'forbidden')
    assertError(await teacher.get('/api/v1/rag-weeks/2999-01-04'), 422, 'invalid', 'week')
  })

  test('confirm as proposed, and an override needs a reason (422 without one)', async () => {
    const other = ['red', 'amber', 'green'].find((rag) => rag !== row.proposed)
    const path = `/api/v1/pupils/${row.pupil_id}/rag/${week}`
    assertError(await teacher.put(path, { rag: other, comment: 'x' }), 422, 'invalid', 'override_reason')
    const confirmed = assertStatus(await teacher.put(path, { comment: 'A settled week' }), 200)
    assert.equal(confirmed.rag, row.proposed)
    assert.equal(confirmed.comment, 'A settled week')
    assert.equal(confirmed.confirmed_by, teacherId)
    const overridden = assertStatus(await teacher.put(path, { rag: other, override_reason: 'Seen in class', comment: 'Changed' }), 200)
    assert.equal(overridden.rag, other)
    assert.equal(overridden.proposed, row.proposed)
    assert.equal(overridden.override_reason, 'Seen in class')
    assertError(await teacher.put(path, { comment: 'line one\nline two' }), 422, 'invalid', 'comment')
    assertError(await teacher.put(path, { rag: 'purple' }), 422, 'invalid', 'rag')
  })

  test('who may confirm: 403 for the school and the auditor, 404 for another school', async () => {
    const path = `/api/v1/pupils/${row.pupil_id}/rag/${week}`
    assertError(await senco.put(path, {}), 403, 'forbidden')
    assertError(await auditor.put(path, {}), 403, 'forbidden')
    assertError(await kingsway.put(path, {}), 404, 'not_found')
    assertError(await kingsway.get(`/api/v1/pupils/${row.pupil_id}/rag`), 404, 'not_found')
    assertError(await kingsway.get(`/api/v1/pupils/${row.pupil_id}/action-plans`), 404, 'not_found')
  })

  test('the school sees only sent updates, addressed to it', async () => {
    const sent = assertStatus(await senco.get('/api/v1/weekly-updates'), 200).items
    assert.ok(sent.length > 0, 'the demo sent earlier weeks')
    for (const update of sent) {
      assert.equal(update.sent, true)
      assert.equal(update.commissioner_id, orgs.ashfield.id)
      assert.notEqual(update.week_start, week)
    }
    assertError(await senco.get(`/api/v1/weekly-updates/${orgs.ashfield.id}/${week}`), 404, 'not_found')
    assertError(await kingsway.get(`/api/v1/weekly-updates/${orgs.ashfield.id}/${sent[0].week_start}`), 404, 'not_found')
    assertStatus(await senco.get(`/api/v1/weekly-updates/${orgs.ashfield.id}/${sent[0].week_start}`), 200)
    const history = assertStatus(await senco.get(`/api/v1/pupils/${row.pupil_id}/rag`), 200)
    assert.ok(history.items.every((item) => item.week_start !== week), 'this week is not sent yet')
  })

  test('sending waits for every RAG, then happens once and the school sees it', async () => {
    const send = `/api/v1/weekly-updates/${orgs.ashfield.id}/${week}/send`
    const drafts = assertStatus(await teacher.get(`/api/v1/weekly-updates?week=${week}`), 200).items
    const draft = drafts.find((update) => update.commissioner_id === orgs.ashfield.id)
    assert.equal(draft.sent, false)
    if (draft.unconfirmed > 0) assertError(await teacher.post(send, {}), 422, 'invalid', 'week')
    const quick = assertStatus(await teacher.post(`/api/v1/rag-weeks/${week}/confirm-unchanged`, {}), 200)
    assert.ok(quick.confirmed >= 0)
    assert.equal(assertStatus(await teacher.get(`/api/v1/rag-weeks/${week}`), 200).unconfirmed, 0)
    assertError(await senco.post(send, {}), 403, 'forbidden')
    const update = assertStatus(await teacher.post(send, {}), 200)
    assert.equal(update.sent, true)
    assert.ok(update.items.some((line) => line.pupil_id === row.pupil_id && line.comment === 'Changed'))
    assertError(await teacher.post(send, {}), 409, 'conflict', 'week')
    const seen = assertStatus(await senco.get(`/api/v1/weekly-updates?week=${week}`), 200).items
    assert.equal(seen.length, 1)
    assert.ok(assertStatus(await kingsway.get(`/api/v1/weekly-updates?week=${week}`), 200).items
      .every((item) => item.commissioner_id !== orgs.ashfield.id))
  })

  test('deterioration alerts: the demo pupil with a plan and one whose plan is missing', async () => {
    const alerts = assertStatus(await teacher.get('/api/v1/deterioration-alerts'), 200).items
    assert.ok(alerts.length >= 2, JSON.stringify(alerts.map((a) => a.plan_state)))
    assert.ok(alerts.some((alert) => alert.plan !== null && alert.plan_state === 'open'))
    assert.ok(alerts.some((alert) => alert.plan === null))
    for (const alert of alerts) assert.ok(alert.consecutive_weeks > 3)
    const schools = assertStatus(await senco.get('/api/v1/deterioration-alerts'), 200).items
    for (const alert of schools) assert.equal(alert.commissioner_id, orgs.ashfield.id)
    const overview = assertStatus(await head.get('/api/v1/action-plans'), 200)
    assert.ok(overview.open_plans.length >= 1)
    assert.equal(typeof overview.overdue, 'number')
  })

  test('action plans: validation, who may write, PATCH with review notes', async () => {
    const path = `/api/v1/pupils/${row.pupil_id}/action-plans`
    const bad = await teacher.post(path, { review_date: '2000-01-01', actions: [{ description: '', owner_id: 999999, due_date: today() }] })
    assertError(bad, 422, 'invalid', 'review_date')
    assertError(bad, 422, 'invalid', 'actions[0].description')
    assertError(bad, 422, 'invalid', 'actions[0].owner_id')
    assertError(await teacher.post(path, { review_date: today(), actions: [] }), 422, 'invalid', 'actions')
    const good = { summary: 'API plan', review_date: today(), actions: [{ description: 'Call home weekly', owner_id: teacherId, due_date: today() }] }
    assertError(await senco.post(path, good), 403, 'forbidden')
    const plan = assertStatus(await teacher.post(path, good), 201)
    assert.equal(plan.status, 'open')
    assert.equal(assertStatus(await senco.get(`/api/v1/action-plans/${plan.id}`), 200).summary, 'API plan')
    assertError(await kingsway.get(`/api/v1/action-plans/${plan.id}`), 404, 'not_found')
    assertError(await senco.patch(`/api/v1/action-plans/${plan.id}`, { status: 'closed' }), 403, 'forbidden')
    assertError(await teacher.patch(`/api/v1/action-plans/${plan.id}`, { status: 'closed' }), 422, 'invalid', 'review_notes')
    const closed = assertStatus(await teacher.patch(`/api/v1/action-plans/${plan.id}`, { status: 'closed', review_notes: 'Done', updated_at: plan.updated_at }), 200)
    assert.equal(closed.status, 'closed')
    assertError(await teacher.patch(`/api/v1/action-plans/${plan.id}`, { status: 'open', updated_at: plan.updated_at }), 409, 'conflict', 'updated_at')
    assertError(await teacher.patch(`/api/v1/action-plans/${plan.id}`, { status: 'open' }), 422, 'invalid', 'status')
    assert.ok(assertStatus(await senco.get(path), 200).items.some((item) => item.id === plan.id))
  })

  test('the rules: read by provider staff, changed by heads, validated', async () => {
    const rule = assertStatus(await teacher.get('/api/v1/deterioration-rule'), 200)
    assert.deepEqual(rule, { trigger: 'red_or_amber', weeks_more_than: 3 })
    assertError(await teacher.put('/api/v1/deterioration-rule', { weeks_more_than: 4 }), 403, 'forbidden')
    assertError(await head.put('/api/v1/deterioration-rule', { weeks_more_than: 0 }), 422, 'invalid', 'weeks_more_than')
    assertError(await head.put('/api/v1/deterioration-rule', { trigger: 'blue' }), 422, 'invalid', 'trigger')
    assert.equal(assertStatus(await head.put('/api/v1/deterioration-rule', { weeks_more_than: 4 }), 200).weeks_more_than, 4)
    const rules = assertStatus(await auditor.get('/api/v1/rag-rules'), 200)
    assert.equal(rules.exit_ticket_drop_amber, 10)
    assertError(await head.put('/api/v1/rag-rules', { attendance_red_below: 0.95 }), 422, 'invalid')
    assert.equal(assertStatus(await head.put('/api/v1/rag-rules', { exit_ticket_drop_amber: 12 }), 200).exit_ticket_drop_amber, 12)
    assertError(await senco.get('/api/v1/rag-rules'), 403, 'forbidden')
  })
})
