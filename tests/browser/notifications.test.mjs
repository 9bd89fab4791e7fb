// Notifications in a real browser: an admin sends themself a test email from /admin/outbox, sees
// the unread count in the header, opens /notifications, marks the notice read and the count goes.
// The email goes to a real SMTP server on loopback. axe checks both pages.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { signIn } from './lib/session.mjs'
import { startSmtp, demoDatabase, serve, waitFor } from '../api/lib/mail.mjs'

const ADMIN = 'admin@balance.example'

let smtp, database, waymark, context, page

before(async () => {
  smtp = await startSmtp()
  database = demoDatabase()
  waymark = await serve(database.db, { WAYMARK_SMTP_URL: smtp.url, WAYMARK_BASE_URL: 'http://waymark.test' })
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  if (waymark) waymark.kill('SIGKILL')
  await smtp?.close()
  database?.remove()
})

test('an admin sends a test email, sees the unread count and marks the notice read', async () => {
  const base = waymark.base
  await signIn(page, base, ADMIN)

  await page.getByRole('link', { name: 'Email outbox' }).click()
  await page.waitForURL(`${base}/admin/outbox`)
  await assertAccessible(page, '/admin/outbox')
  // Demo data from other areas may already have notified this admin: count from where we start.
  const unreadNow = async () => (await page.locator('#unread-count').count()) === 0
    ? 0
    : Number.parseInt(await page.locator('#unread-count').textContent(), 10)
  const unreadBefore = await unreadNow()
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send me a test email' }).click()])
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /test email is queued/)
  assert.equal(await unreadNow(), unreadBefore + 1)
  assert.match(await page.locator('#unread-count').textContent(), /^\d+ unread$/)

  await waitFor(() => smtp.accepted.some((message) => message.to.includes(ADMIN)), 15_000, 'the email')
  // The outbox records "sent" just after the server's 250: reload until the page shows it.
  await waitFor(async () => {
    await page.reload()
    const counted = async (id) => Number.parseInt(await page.locator(id).textContent(), 10)
    return (await counted('#count-sent')) >= 1 && (await counted('#count-queued')) === 0 && (await counted('#count-sending')) === 0
  }, 15_000, 'the outbox page to count the email sent')

  await page.getByRole('link', { name: /Notifications/ }).click()
  await page.waitForURL(`${base}/notifications`)
  await assertAccessible(page, '/notifications')
  assert.match(await page.locator('main').innerText(), /Test notice/)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /^Mark as read\s*:\s*Test notice$/ }).click()])
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Marked as read/)
  assert.equal(await unreadNow(), unreadBefore)
  if (unreadBefore === 0) assert.match(await page.locator('main').innerText(), /You have no unread notifications/)
  await assertAccessible(page, '/notifications after reading')
})
