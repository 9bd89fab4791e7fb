// Notifications and email through a REAL SMTP server on loopback: the in-app list (own only,
// mark read, mark all read), the email the SMTP server received (recipient, generic subject,
// Message-ID, no notice text), retry with backoff after a temporary refusal, a permanent refusal
// shown to the admin and retried, and the outbox surviving a SIGKILL mid-send: the message
// arrives exactly once after the restart.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { USERS } from './lib/server.mjs'
import { startSmtp, demoDatabase, serve, tokenFor, call, waitFor, sleep } from './lib/mail.mjs'

const SUBJECT = 'Waymark: something needs your attention'

describe('notifications and email', () => {
  let smtp, database, waymark, admin, teacher
  let env

  const outboxItem = async (id, status) => {
    const answer = await call(waymark.base, admin, 'GET', `/api/v1/outbox?status=${status}`)
    assert.equal(answer.status, 200, answer.text)
    return answer.body.items.find((item) => item.id === id)
  }

  before(async () => {
    smtp = await startSmtp()
    database = demoDatabase()
    env = {
      WAYMARK_SMTP_URL: smtp.url,
      WAYMARK_MAIL_FROM: 'waymark@balance.example',
      WAYMARK_BASE_URL: 'http://waymark.test',
      WAYMARK_MAIL_RETRY_SECONDS: '1',
      WAYMARK_MAIL_LEASE_SECONDS: '4'
    }
    waymark = await serve(database.db, env)
    admin = await tokenFor(waymark.base, USERS.balanceAdmin)
    teacher = await tokenFor(waymark.base, USERS.balanceTeacher)
    smtp.target = USERS.balanceAdmin
    // Notices the demo data queued go out first (oldest first): let them drain.
    let lastCount = -1
    let quietSince = Date.now()
    await waitFor(async () => {
      if (smtp.accepted.length !== lastCount) { lastCount = smtp.accepted.length; quietSince = Date.now() }
      const outbox = await call(waymark.base, admin, 'GET', '/api/v1/outbox?status=queued')
      return outbox.body.counts.queued === 0 && outbox.body.counts.sending === 0 && Date.now() - quietSince > 1500
    }, 60_000, 'the demo data\'s emails to drain')
  })

  after(async () => {
    if (waymark) {
      waymark.kill('SIGTERM')
      const exit = await waymark.exited
      assert.equal(exit.code, 0, `waymark serve did not stop cleanly: ${JSON.stringify(exit)}\n${waymark.output()}`)
      assert.doesNotMatch(waymark.output(), /@balance\.example/, 'no email address in the log')
    }
    await smtp?.close()
    database?.remove()
  })

  test('a test notice: in-app for the caller only, and an email the SMTP server received', async () => {
    smtp.mode = 'accept'
    const sent = await call(waymark.base, admin, 'POST', '/api/v1/notifications/test')
    assert.equal(sent.status, 201, sent.text)
    const outboxId = sent.body.outbox_id

    const item = await waitFor(() => outboxItem(outboxId, 'sent'), 15_000, 'the email to be sent')
    assert.equal(item.attempts, 1)
    assert.equal(item.recipient, USERS.balanceAdmin)
    const received = smtp.withId(item.message_id)
    assert.equal(received.length, 1)
    assert.deepEqual(received[0].to, [USERS.balanceAdmin])
    assert.match(received[0].raw, new RegExp(`^Subject: ${SUBJECT}\\r?$`, 'm'))
    assert.match(received[0].raw, /^From: waymark@balance\.example\r?$/m)
    assert.match(received[0].raw, /http:\/\/waymark\.test\/notifications/)
    // The email carries nothing of the notice itself (a notice's text may name a pupil).
    assert.doesNotMatch(received[0].raw, /Test notice|A test of Waymark/)

    const mine = await call(waymark.base, admin, 'GET', '/api/v1/notifications')
    assert.equal(mine.status, 200)
    const notice = mine.body.items.find((entry) => entry.topic === 'notifications.test')
    assert.ok(notice, 'the admin sees the test notice')
    assert.equal(notice.read, false)
    assert.ok(mine.body.unread_count >= 1)

    // Only the caller was notified, and another user cannot touch it.
    const theirs = await call(waymark.base, teacher, 'GET', '/api/v1/notifications')
    assert.ok(!theirs.body.items.some((entry) => entry.topic === 'notifications.test'))
    assert.equal((await call(waymark.base, teacher, 'POST', `/api/v1/notifications/${notice.id}/read`)).status, 404)
    assert.equal((await call(waymark.base, teacher, 'POST', '/api/v1/notifications/test')).status, 403)
    assert.equal((await call(waymark.base, teacher, 'GET', '/api/v1/outbox')).status, 403)

    const read = await call(waymark.base, admin, 'POST', `/api/v1/notifications/${notice.id}/read`)
    assert.equal(read.status, 200)
    assert.equal(read.body.read, true)
    const unread = await call(waymark.base, admin, 'GET', '/api/v1/notifications?unread=true')
    assert.ok(!unread.body.items.some((entry) => entry.id === notice.id))
    const all = await call(waymark.base, admin, 'POST', '/api/v1/notifications/read-all')
    assert.equal(all.status, 200)
    assert.equal((await call(waymark.base, admin, 'GET', '/api/v1/notifications')).body.unread_count, 0)
    assert.equal((await call(waymark.base, admin, 'GET', '/api/v1/notifications?limit=0')).status, 422)
    assert.equal((await call(waymark.base, admin, 'GET', '/api/v1/outbox?status=lost')).status, 422)
  })

  test('a temporary refusal is retried after the backoff, and the email arrives once', async () => {
    smtp.mode = 'tempfail'
    const attemptsBefore = smtp.attempts.length
    const sent = await call(waymark.base, admin, 'POST', '/api/v1/notifications/test')
    assert.equal(sent.status, 201)
    const outboxId = sent.body.outbox_id
    await waitFor(() => smtp.attempts.length > attemptsBefore, 15_000, 'a first attempt')
    const waiting = await waitFor(async () => {
      const item = await outboxItem(outboxId, 'queued')
      return item && item.attempts === 1 ? item : null
    }, 15_000, 'the email to be queued again')
    assert.match(waiting.last_error, /451/)
    smtp.mode = 'accept'
    const item = await waitFor(() => outboxItem(outboxId, 'sent'), 15_000, 'the retry to be sent')
    assert.equal(item.attempts, 2)
    assert.equal(smtp.withId(item.message_id).length, 1)
    const tries = smtp.attempts.slice(attemptsBefore)
    assert.ok(tries.length >= 2)
    assert.ok(tries[1].at - tries[0].at >= 900, `the retry waited for its backoff (${tries[1].at - tries[0].at} ms)`)
  })

  test('a permanent refusal fails at once; the admin sees it and retries it', async () => {
    smtp.mode = 'reject'
    const sent = await call(waymark.base, admin, 'POST', '/api/v1/notifications/test')
    const outboxId = sent.body.outbox_id
    const failed = await waitFor(() => outboxItem(outboxId, 'failed'), 15_000, 'the email to fail')
    assert.equal(failed.attempts, 1)
    assert.match(failed.last_error, /550/)
    const overview = await call(waymark.base, admin, 'GET', '/api/v1/outbox')
    assert.ok(overview.body.counts.failed >= 1)
    assert.ok(overview.body.items.some((item) => item.id === outboxId))
    // Another provider's admin cannot see or retry it.
    const bridges = await tokenFor(waymark.base, USERS.bridgesAdmin)
    assert.equal((await call(waymark.base, bridges, 'POST', `/api/v1/outbox/${outboxId}/retry`)).status, 404)

    smtp.mode = 'accept'
    const retried = await call(waymark.base, admin, 'POST', `/api/v1/outbox/${outboxId}/retry`)
    assert.equal(retried.status, 200, retried.text)
    assert.equal(retried.body.status, 'queued')
    const item = await waitFor(() => outboxItem(outboxId, 'sent'), 15_000, 'the retried email to be sent')
    assert.equal(smtp.withId(item.message_id).length, 1)
    assert.equal((await call(waymark.base, admin, 'POST', `/api/v1/outbox/${outboxId}/retry`)).status, 409)
  })

  test('killed mid-send (SIGKILL) and restarted: the email arrives exactly once', async () => {
    smtp.mode = 'stall'
    const stalledBefore = smtp.stalled.length
    const sent = await call(waymark.base, admin, 'POST', '/api/v1/notifications/test')
    const outboxId = sent.body.outbox_id
    const stalled = await waitFor(() => smtp.stalled.length > stalledBefore && smtp.stalled.at(-1), 15_000, 'the send to stall in DATA')
    assert.ok(stalled.messageId)

    waymark.kill('SIGKILL')
    await waymark.exited
    smtp.mode = 'accept'
    waymark = await serve(database.db, env)

    // The dead process's claim expires after its lease (4 s); then the email is sent again.
    const item = await waitFor(() => outboxItem(outboxId, 'sent'), 20_000, 'the email to be sent after the restart')
    assert.equal(item.message_id, stalled.messageId, 'the resend carries the same Message-ID')
    assert.equal(item.attempts, 2)
    await sleep(1500) // anything sent twice would have arrived by now
    assert.equal(smtp.withId(item.message_id).length, 1, 'exactly once')
  })
})
