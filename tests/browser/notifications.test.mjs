// Notifications in a real browser: an admin sends themself a test email from /admin/outbox, sees
// the unread count in the header, opens /notifications, marks the notice read and the count goes.
// The email goes to a real SMTP server on loopback. axe checks both pages.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, checkAxe, formatViolations } from './lib/browser.mjs'
import { startSmtp, demoDatabase, serve, waitFor } from '../api/lib/mail.mjs'

const LOGIN = { email: 'admin@balance.example', password: 'waymark-demo-2025' }

let smtp, database, waymark, context, page

async function assertAccessible (what) {
  const violations = await checkAxe(page)
  assert.deepEqual(violations, [], `${what}: axe found serious or critical problems\n${formatViolations(violations)}`)
}

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
  await page.goto(`${base}/login`)
  await page.getByLabel('Email address').fill(LOGIN.email)
  await page.getByLabel('Password').fill(LOGIN.password)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])

  await page.getByRole('link', { name: 'Email outbox' }).click()
  await page.waitForURL(`${base}/admin/outbox`)
  await assertAccessible('/admin/outbox')
  // Demo data from other areas may already have notified this admin: count from where we start.
  const unreadNow = async () => (await page.locator('#unread-count').count()) === 0
    ? 0
    : Number.parseInt(await page.locator('#unread-count').textContent(), 10)
  const unreadBefore = await unreadNow()
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send me a test email' }).click()])
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /test email is queued/)
  assert.equal(await unreadNow(), unreadBefore + 1)
  assert.match(await page.locator('#unread-count').textContent(), /^\d+ unread$/)

  await waitFor(() => smtp.accepted.some((message) => message.to.includes(LOGIN.email)), 15_000, 'the email')
  // The outbox records "sent" just after the server's 250: reload until the page shows it.
  await waitFor(async () => {
    await page.reload()
    const counted = async (id) => Number.parseInt(await page.locator(id).textContent(), 10)
    return (await counted('#count-sent')) >= 1 && (await counted('#count-queued')) === 0 && (await counted('#count-sending')) === 0
  }, 15_000, 'the outbox page to count the email sent')

  await page.getByRole('link', { name: /Notifications/ }).click()
  await page.waitForURL(`${base}/notifications`)
  await assertAccessible('/notifications')
  assert.match(await page.locator('main').innerText(), /Test notice/)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /^Mark as read\s*:\s*Test notice$/ }).click()])
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Marked as read/)
  assert.equal(await unreadNow(), unreadBefore)
  if (unreadBefore === 0) assert.match(await page.locator('main').innerText(), /You have no unread notifications/)
  await assertAccessible('/notifications after reading')
})
