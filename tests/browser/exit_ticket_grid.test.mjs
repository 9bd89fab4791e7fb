// The exit-ticket grid in a real browser: a Balance teacher opens a group's grid, types scores
// using only the keyboard (Tab along, Enter down), sees each row saved; goes offline, types, sees
// the unsaved marker; comes back online and sees it saved; reloads and finds the values. axe
// checks the grid and the pupil's classwork page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn } from './lib/session.mjs'

const TEACHER = 'teacher@balance.example'

let server, baseUrl, context, page

// The latest Sunday on or before today (London): a day with no demo lessons.
function lastSunday () {
  const today = new Date(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }) + 'T12:00:00Z')
  today.setUTCDate(today.getUTCDate() - today.getUTCDay())
  return today.toISOString().slice(0, 10)
}

before(async () => {
  server = await startDemoServer('grid')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher enters exit tickets for a group by keyboard, offline and back', async () => {
  await signIn(page, baseUrl, TEACHER)

  const groups = await (await page.request.get(`${baseUrl}/api/v1/teaching-groups`)).json()
  const group = groups.items.find((g) => g.name === 'KS4 English')
  assert.ok(group, 'the demo KS4 English group')
  const date = lastSunday()
  await page.goto(`${baseUrl}/groups/${group.id}/exit-tickets?date=${date}`)
  await page.getByRole('heading', { level: 1, name: /Exit tickets: English/ }).waitFor()
  await assertAccessible(page, 'exit ticket grid')

  const rows = page.locator('table[data-exit-ticket-grid] tbody tr')
  assert.ok(await rows.count() >= 3, 'at least three pupils in the group')
  const score = (index) => rows.nth(index).locator('[data-col="score"]')
  const state = (index) => rows.nth(index).locator('[data-row-state]')

  // Keyboard only: the shared topic, then Tab to the first row's score, Enter down the column.
  await page.locator('#topic_default').focus()
  await page.keyboard.type('Persuasive writing')
  await page.keyboard.press('Tab') // marks available (10)
  await page.keyboard.press('Tab') // row 1 topic
  await page.keyboard.press('Tab') // row 1 score
  await page.keyboard.type('7')
  await page.keyboard.press('Enter')
  await page.keyboard.type('8')
  await page.keyboard.press('Enter')
  assert.equal(await page.evaluate(() => document.activeElement.id), await score(2).getAttribute('id'))
  await state(0).getByText('Saved', { exact: true }).waitFor()
  await state(1).getByText('Saved', { exact: true }).waitFor()
  await page.locator('#grid-status').getByText('All changes saved').waitFor()

  // Offline: the change is kept and marked.
  await context.setOffline(true)
  await page.keyboard.type('9')
  await page.locator('#grid-status').getByText('1 change not saved yet').waitFor()
  await state(2).getByText('Not saved yet').waitFor()
  assert.match(await rows.nth(2).getAttribute('class'), /wm-grid__row--unsaved/)

  // Online again: saved without touching anything.
  await context.setOffline(false)
  await state(2).getByText('Saved', { exact: true }).waitFor({ timeout: 15_000 })
  await page.locator('#grid-status').getByText('All changes saved').waitFor()

  // Reload: the values came from the server.
  await page.reload()
  assert.equal(await score(0).inputValue(), '7')
  assert.equal(await score(1).inputValue(), '8')
  assert.equal(await score(2).inputValue(), '9')
  assert.equal(await page.locator('#topic_default').inputValue(), 'Persuasive writing')

  // The pupil's classwork page lists the ticket.
  const pupilId = await rows.nth(0).getAttribute('data-pupil-id')
  await page.goto(`${baseUrl}/pupils/${pupilId}/classwork`)
  await page.getByRole('heading', { level: 1, name: 'Classwork' }).waitFor()
  await page.getByRole('cell', { name: 'Persuasive writing' }).first().waitFor()
  await assertAccessible(page, 'pupil classwork')
})
