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

  test('401 without signing in', async () => {
    const answer = await server.client(undefined).get('/api/v1/dashboard')
    assert.equal(answer.status, 401)
  })
})
