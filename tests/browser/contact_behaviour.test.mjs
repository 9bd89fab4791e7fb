// Parent contact and behaviour in a real browser: a Balance teacher opens the calls due, logs a
// call for an overdue pupil and sees the next due date move; records an incident for two pupils
// and sees both on the list; gives a reward. axe checks every page on the way.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn } from './lib/session.mjs'

const TEACHER = 'teacher@balance.example'

let server, baseUrl, context, page

before(async () => {
  server = await startDemoServer('contact')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher logs a call and the next due date moves', async () => {
  await signIn(page, baseUrl, TEACHER)

  await page.getByRole('navigation').getByRole('link', { name: 'Calls due' }).click()
  await page.getByRole('heading', { level: 1, name: 'Calls due' }).waitFor()
  await assertAccessible(page, 'my calls due')
  await page.getByRole('link', { name: "Everyone's calls" }).click()
  const overdue = page.locator('#calls-due tbody tr', { hasText: 'Overdue' }).first()
  await overdue.waitFor()
  await assertAccessible(page, "everyone's calls due")
  await Promise.all([page.waitForNavigation(), overdue.getByRole('link').click()])
  await page.getByRole('heading', { level: 1, name: 'Contact with parents and carers' }).waitFor()
  const status = page.locator('#next-calls tbody tr').first().locator('.govuk-tag')
  assert.equal((await status.innerText()).trim(), 'Overdue')
  const dueBefore = await page.locator('#next-calls [data-due-by]').first().innerText()
  await assertAccessible(page, 'contact log')

  await page.getByLabel('Summary').fill('Browser test: caught up with the week')
  await page.getByLabel('Discussed: progress').fill('Better in maths')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log contact' }).click()])
  await page.getByText('Contact logged').waitFor()
  assert.equal((await status.innerText()).trim(), 'Not due yet')
  const dueAfter = await page.locator('#next-calls [data-due-by]').first().innerText()
  assert.notEqual(dueAfter, dueBefore)
  await page.locator('#contact-log').getByText('Browser test: caught up with the week').waitFor()

  // A blank summary is refused with the error summary linking to the field.
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log contact' }).click()])
  await page.locator('.govuk-error-summary').getByRole('link').first().waitFor()
  await assertAccessible(page, 'contact log with errors')
})

test('a teacher records an incident for two pupils and gives a reward', async () => {
  await page.goto(`${baseUrl}/behaviour`)
  await page.getByRole('heading', { level: 1, name: 'Behaviour' }).waitFor()
  await assertAccessible(page, 'behaviour list')
  await page.getByText('Record an incident').click()
  const pupils = page.locator('#incident-form .govuk-checkboxes__input')
  assert.ok(await pupils.count() >= 2, 'pupils placed now')
  await pupils.nth(0).check()
  await pupils.nth(1).check()
  const names = [
    (await page.locator(`label[for="${await pupils.nth(0).getAttribute('id')}"]`).innerText()).trim(),
    (await page.locator(`label[for="${await pupils.nth(1).getAttribute('id')}"]`).innerText()).trim()
  ]
  await page.locator('#time').fill('11:15')
  await page.getByLabel('Type').selectOption('Damage to property')
  await page.getByLabel('Serious').check()
  await page.getByLabel('What happened').fill('Browser test: a chair thrown in the art room')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Record incident' }).click()])
  await page.getByText('Incident recorded').waitFor()
  const row = page.locator('#incidents tbody tr', { hasText: 'Browser test: a chair thrown' })
  await row.waitFor()
  for (const name of names) await row.getByRole('link', { name }).waitFor()
  await assertAccessible(page, 'behaviour list after recording')

  await Promise.all([page.waitForNavigation(), row.getByRole('link', { name: names[0] }).click()])
  await page.getByRole('heading', { level: 1, name: 'Behaviour and rewards' }).waitFor()
  await page.locator('#pupil-incidents').getByText(names[1]).waitFor()
  await page.getByText('Give a reward').click()
  await page.getByLabel('Reason').fill('Browser test: owned up and apologised')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Give reward' }).click()])
  await page.getByText('Reward given').waitFor()
  await page.locator('#rewards').getByText('Browser test: owned up and apologised').waitFor()
  await assertAccessible(page, 'pupil behaviour')

  await page.goto(`${baseUrl}/behaviour/analysis`)
  await page.getByRole('heading', { level: 1, name: 'Behaviour analysis' }).waitFor()
  await page.locator('#by-type').getByText('Damage to property').waitFor()
  await assertAccessible(page, 'behaviour analysis')

  // The settings: a teacher reads them; only an admin may change them.
  await page.goto(`${baseUrl}/contact-behaviour-settings`)
  await page.getByRole('heading', { level: 1, name: 'Contact and behaviour settings' }).waitFor()
  assert.equal(await page.locator('#max_days').inputValue(), '21')
  assert.match(await page.locator('#types').inputValue(), /Damage to property/)
  assert.equal(await page.getByRole('button', { name: 'Save types' }).count(), 0)
  await assertAccessible(page, 'contact and behaviour settings')
})

test('the home school sees its pupil\'s behaviour as the placement shares it, naming no other pupil', async () => {
  await signIn(page, baseUrl, 'senco@ashfield.example')
  const pupils = await (await page.request.get(`${baseUrl}/api/v1/pupils?status=active&limit=50`)).json()
  let shown = 0
  for (const pupil of pupils.items.slice(0, 5)) {
    await page.goto(`${baseUrl}/pupils/${pupil.id}/behaviour`)
    await page.getByRole('heading', { level: 1, name: 'Behaviour and rewards' }).waitFor()
    assert.equal(await page.getByText('Also involved').count(), 0)
    assert.equal(await page.getByRole('button', { name: 'Give reward' }).count(), 0)
    shown += await page.locator('#pupil-incidents tbody tr').count()
  }
  assert.ok(shown > 0, "Ashfield's placements share in full in the demo")
  await assertAccessible(page, 'pupil behaviour as the home school')
  assert.equal(await page.getByRole('link', { name: 'Calls due' }).count(), 0)
})

test('a provider admin changes the call interval and the incident types', async () => {
  await signIn(page, baseUrl, 'admin@balance.example')
  await page.goto(`${baseUrl}/contact-behaviour-settings`)
  await page.locator('#min_days').fill('30')
  await page.locator('#max_days').fill('20')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save interval' }).click()])
  await page.locator('.govuk-error-summary').getByRole('link').first().waitFor()
  await assertAccessible(page, 'settings with an error')
  await page.locator('#min_days').fill('10')
  await page.locator('#max_days').fill('15')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save interval' }).click()])
  await page.getByText('Settings saved').waitFor()
  assert.equal(await page.locator('#max_days').inputValue(), '15')
  await page.locator('#types').fill('Lateness\nVerbal abuse\n')
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save types' }).click()])
  await page.getByText('Settings saved').waitFor()
  assert.equal(await page.locator('#types').inputValue(), 'Lateness\nVerbal abuse\n')
})
