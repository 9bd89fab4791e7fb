// The weekly RAG in a real browser: a Balance teacher opens this week's RAG page, tries an
// override without a reason (the error names the pupil), gives the reason, confirms the week, and
// sees every pupil confirmed; the pupil's RAG page, the weekly updates page and the action plans
// page pass axe; the Ashfield SENCo sees the updates sent to the school.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn } from './lib/session.mjs'

let server, baseUrl, context, page

before(async () => {
  server = await startDemoServer('rag')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher confirms the week with one override and its reason', async () => {
  await signIn(page, baseUrl, 'teacher@balance.example')
  await page.getByRole('link', { name: 'Weekly RAG', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Weekly RAG' }).waitFor()
  await assertAccessible(page, 'weekly RAG')

  const rows = page.locator('tbody tr[data-pupil]')
  const count = await rows.count()
  assert.ok(count >= 2, 'the demo places several pupils at Balance')
  assert.match(await page.locator('#unconfirmed-count').innerText(), new RegExp(`^${count} still to confirm`))
  const first = rows.nth(0)
  const pupilId = await first.getAttribute('data-pupil')
  const proposed = (await first.locator('td').nth(1).locator('.govuk-tag').innerText()).trim().toLowerCase()
  const other = proposed === 'red' ? 'green' : 'red'

  // An override without a reason is refused, naming the row.
  await page.locator(`#rag_${pupilId}`).selectOption(other)
  await page.locator(`#comment_${pupilId}`).fill('Difficult week after a change at home')
  await Promise.all([page.waitForNavigation(), page.locator('#save-rags').click()])
  await page.locator('.govuk-error-summary').getByText(/give a reason for changing the proposed RAG/).waitFor()
  await assertAccessible(page, 'weekly RAG with an error')

  // Nothing was saved: the page's save is all or none.
  assert.match(await page.locator('#unconfirmed-count').innerText(), new RegExp(`^${count} still to confirm`))

  // With the reason, every row is confirmed.
  await page.locator(`#reason_${pupilId}`).fill('Staff saw a very unsettled week')
  await Promise.all([page.waitForNavigation(), page.locator('#save-rags').click()])
  await page.getByText(`${count} RAGs confirmed`).waitFor()
  assert.match(await page.locator('#unconfirmed-count').innerText(), /^0 still to confirm/)
  const confirmedTag = (await page.locator(`#row_${pupilId} td`).nth(2).innerText()).trim().toLowerCase()
  assert.equal(confirmedTag, other)

  // The pupil's history shows the override and its reason.
  await page.goto(`${baseUrl}/pupils/${pupilId}/rag`)
  await page.getByRole('heading', { level: 1, name: 'Weekly RAG' }).waitFor()
  await page.getByText('Changed because: Staff saw a very unsettled week').waitFor()
  await assertAccessible(page, 'pupil RAG history')

  await page.goto(`${baseUrl}/rag/updates`)
  await page.getByRole('heading', { level: 1, name: 'Weekly updates' }).waitFor()
  await assertAccessible(page, 'weekly updates (provider)')
  await page.goto(`${baseUrl}/action-plans`)
  await page.getByRole('heading', { level: 1, name: 'Action plans' }).waitFor()
  await assertAccessible(page, 'action plans')
})

test('the commissioning school sees the updates sent to it', async () => {
  await signIn(page, baseUrl, 'senco@ashfield.example')
  await page.getByRole('link', { name: 'Updates', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Weekly updates' }).waitFor()
  assert.ok(await page.locator('section').count() >= 1, 'the demo sent earlier weeks')
  assert.equal(await page.getByText('Not sent').count(), 0)
  await assertAccessible(page, 'weekly updates (school)')
})
