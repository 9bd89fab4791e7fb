// GET /api/v1/dashboard: provider staff get their work cards, a school its pupils' cards, and
// nobody gets another organisation's cards; 401 without signing in.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertStatus, USERS } from './lib/server.mjs'

describe('dashboard', () => {
  let server
  before(async () => { server = await startServer() })
  after(async () => { await server?.stop() })

  const keys = (body) => body.cards.map((card) => card.key)

  test('provider staff see their work, with counts and at most five items per card', async () => {
    const teacher = await server.as(USERS.balanceTeacher)
    const body = assertStatus(await teacher.get('/api/v1/dashboard'), 200)
    assert.match(body.today, /^\d{4}-\d{2}-\d{2}$/)
    assert.ok(keys(body).includes('feedback_forms_due'), keys(body).join())
    assert.ok(!keys(body).includes('feedback_forms_received'))
    for (const card of body.cards) {
      assert.ok(card.items.length <= 5, card.key)
      assert.ok(card.count >= card.items.length, card.key)
      assert.ok(card.urgent <= card.count, card.key)
      assert.match(card.href, /^\//)
      for (const item of card.items) assert.match(item.href, /^\//)
    }
  })

  test('a commissioning school sees what it received, never a provider\'s work list', async () => {
    const senco = await server.as(USERS.ashfieldSenco)
    const body = assertStatus(await senco.get('/api/v1/dashboard'), 200)
    assert.ok(keys(body).includes('feedback_forms_received'), keys(body).join())
    assert.ok(!keys(body).includes('feedback_forms_due'))
  })

  const card = (body, key) => body.cards.find((one) => one.key === key)

  test('a provider teacher gets registers, calls, RAGs, alerts, incidents and notifications', async () => {
    const teacher = await server.as(USERS.balanceTeacher)
    const body = assertStatus(await teacher.get('/api/v1/dashboard'), 200)
    for (const key of ['registers_not_taken', 'calls_due', 'rags_to_confirm', 'deteriorating_pupils',
      'action_plans_overdue', 'incidents_this_week', 'notifications']) {
      assert.ok(keys(body).includes(key), `${key} not in ${keys(body).join()}`)
    }
    assert.ok(!keys(body).includes('calls_unassigned'), 'unassigned calls are for heads and admins')
    assert.ok(!keys(body).includes('attendance_this_week'))
    assert.deepEqual(body.series, [])
    for (const item of card(body, 'calls_due').items) assert.match(item.href, /^\/pupils\/\d+\/contact-log$/)
    for (const item of card(body, 'registers_not_taken').items) assert.match(item.href, /^\/registers\/\d{4}-\d{2}-\d{2}\/(AM|PM)$/)
  })

  test('a provider head also gets the calls no key worker owns; an auditor gets no work cards', async () => {
    const head = await server.as(USERS.balanceHead)
    const body = assertStatus(await head.get('/api/v1/dashboard'), 200)
    assert.ok(keys(body).includes('calls_unassigned'), keys(body).join())
    const auditor = await server.as(USERS.balanceAuditor)
    const read = assertStatus(await auditor.get('/api/v1/dashboard'), 200)
    for (const key of ['registers_not_taken', 'calls_due', 'calls_unassigned', 'rags_to_confirm', 'feedback_forms_due']) {
      assert.ok(!keys(read).includes(key), `${key} shown to an auditor`)
    }
    assert.ok(keys(read).includes('notifications'))
  })

  test('a school senco gets attendance, latest RAG, alerts and a four-week attendance chart', async () => {
    const senco = await server.as(USERS.ashfieldSenco)
    const body = assertStatus(await senco.get('/api/v1/dashboard'), 200)
    for (const key of ['attendance_this_week', 'latest_rag', 'deteriorating_pupils', 'notifications']) {
      assert.ok(keys(body).includes(key), `${key} not in ${keys(body).join()}`)
    }
    for (const key of ['registers_not_taken', 'calls_due', 'rags_to_confirm', 'incidents_this_week']) {
      assert.ok(!keys(body).includes(key), `${key} shown to a school`)
    }
    assert.ok(card(body, 'latest_rag').count > 0)
    assert.equal(body.series.length, 1)
    const [chart] = body.series
    assert.equal(chart.key, 'attendance_by_day')
    assert.ok(chart.points.length > 0, 'the demo has four weeks of registers')
    for (const point of chart.points) {
      assert.match(point.date, /^\d{4}-\d{2}-\d{2}$/)
      assert.ok(point.value >= 0 && point.value <= 100, String(point.value))
    }
  })

  test('an LA officer gets its pupils\' cards, linking only to pupils it placed', async () => {
    const officer = await server.as(USERS.northbrookOfficer)
    const body = assertStatus(await officer.get('/api/v1/dashboard'), 200)
    for (const key of ['attendance_this_week', 'latest_rag', 'deteriorating_pupils', 'notifications']) {
      assert.ok(keys(body).includes(key), `${key} not in ${keys(body).join()}`)
    }
    assert.equal(body.series.length, 1)
    // Every pupil linked is one the officer may open; another organisation's pupil would be 404.
    const pupilIds = new Set(body.cards.flatMap((one) => one.items)
      .map((item) => item.href.match(/^\/pupils\/(\d+)\//)?.[1]).filter(Boolean))
    for (const id of pupilIds) assertStatus(await officer.get(`/api/v1/pupils/${id}`), 200)
  })

  test('401 without signing in', async () => {
    const answer = await server.client(undefined).get('/api/v1/dashboard')
    assert.equal(answer.status, 401)
  })
})
