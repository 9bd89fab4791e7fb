// The pupil journey in a real browser against a real server: sign in as the demo provider head,
// find a pupil, open their profile, change the "Looked after" flag (with one failed save on the
// way, to see the error summary), and find the change in the audit trail. Every page is checked
// with axe for WCAG 2.2 AA (no serious or critical violations), and the main pages are
// screenshotted at desktop (1280px) and tablet (768px) widths into tests/browser/screenshots/.
//
// Started by CTest with WAYMARK_BIN (the built `waymark`) and WAYMARK_ROOT (the repository).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { launch, firstPage, assertAccessible, screenshotWidths, DESKTOP, SCREENSHOTS as SHOTS } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { fillSignInForm, signIn, submit } from './lib/session.mjs'

// The demo provider head (src/app/demo.cpp, README). One place to change if the demo changes.
const HEAD = 'head@balance.example'

let server
let baseUrl
let context
let page

// Screenshots at desktop and tablet widths, as screenshots/pupil-`name`-*.png.
const screenshots = name => screenshotWidths(page, `pupil-${name}`)

before(async () => {
  server = await startDemoServer('pupil-flow')
  baseUrl = server.baseUrl
  mkdirSync(SHOTS, { recursive: true })
  context = await launch({ viewport: DESKTOP })
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a provider head finds a pupil, changes a flag and sees it in the audit trail', async () => {
  // Signing in: a signed-out visit to the list goes to the sign-in page first.
  await page.goto(`${baseUrl}/pupils`)
  assert.match(new URL(page.url()).pathname, /^\/login$/)
  await assertAccessible(page, 'sign-in page')
  await page.screenshot({ path: path.join(SHOTS, 'pupil-login-desktop.png'), fullPage: true })
  let response = await fillSignInForm(page, HEAD)
  assert.equal(response.status(), 200)
  assert.equal(new URL(page.url()).pathname, '/pupils')

  // The list: take the first pupil shown and search for them by surname.
  await page.getByRole('heading', { level: 1, name: 'Pupils' }).waitFor()
  await assertAccessible(page, 'pupil list')
  await screenshots('list')
  const firstLink = page.locator('table.wm-pupil-table tbody a').first()
  const sortName = (await firstLink.textContent()).trim() // "Surname, Forename"
  const surname = sortName.split(',')[0].trim()
  await page.getByLabel('Name or UPN').fill(surname)
  response = await submit(page.getByRole('button', { name: 'Apply filters' }))
  assert.equal(response.status(), 200)
  assert.equal(new URL(page.url()).searchParams.get('search'), surname)
  await assertAccessible(page, 'pupil list, searched')
  const found = page.locator('table.wm-pupil-table tbody a', { hasText: sortName })
  assert.ok(await found.count() >= 1, `searching for "${surname}" should list ${sortName}`)
  assert.match(await page.locator('#results-count').textContent(), /^\d+ pupils?$/)

  // The profile.
  await submit(found.first())
  assert.match(new URL(page.url()).pathname, /^\/pupils\/\d+$/)
  const profilePath = new URL(page.url()).pathname
  await assertAccessible(page, 'pupil profile')
  await screenshots('profile')
  assert.match(await page.locator('main').textContent(), /Total current hours: [\d.]+ a week/)

  // The edit form: flip "Looked after".
  await submit(page.getByRole('link', { name: /Edit pupil/ }))
  assert.equal(new URL(page.url()).pathname, `${profilePath}/edit`)
  await assertAccessible(page, 'edit pupil form')
  await screenshots('edit')
  const lookedAfter = page.getByLabel('Looked after', { exact: true })
  const wasLookedAfter = await lookedAfter.isChecked()
  await lookedAfter.setChecked(!wasLookedAfter)
  const surnameInput = page.locator('#legal_surname')
  const legalSurname = await surnameInput.inputValue()

  // A failed save: the form comes back with the error summary, inline error and what was typed.
  await surnameInput.fill('')
  response = await submit(page.getByRole('button', { name: 'Save pupil' }))
  assert.equal(response.status(), 422)
  assert.match(await page.title(), /^Error: /)
  const summary = page.locator('.govuk-error-summary')
  assert.match(await summary.textContent(), /Legal surname is required/)
  assert.equal(await summary.locator('a').first().getAttribute('href'), '#legal_surname')
  assert.match(await page.locator('#legal_surname-error').textContent(), /Error:\s*Legal surname is required/)
  assert.equal(await page.getByLabel('Looked after', { exact: true }).isChecked(), !wasLookedAfter,
    'the ticked box is kept after a failed save')
  await assertAccessible(page, 'edit pupil form with errors')
  await page.screenshot({ path: path.join(SHOTS, 'pupil-edit-errors-desktop.png') })
  await summary.locator('a').first().click()
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'legal_surname',
    'the summary link moves focus to the field')

  // The real save: back on the profile with a banner and the flag shown (or gone).
  await page.locator('#legal_surname').fill(legalSurname)
  response = await submit(page.getByRole('button', { name: 'Save pupil' }))
  assert.equal(response.status(), 200)
  assert.equal(new URL(page.url()).pathname, profilePath)
  assert.match(await page.locator('.govuk-notification-banner').textContent(), /Pupil saved/)
  const flagTag = page.locator('.wm-flags .govuk-tag', { hasText: /^Looked after$/ })
  assert.equal(await flagTag.count(), wasLookedAfter ? 0 : 1)
  await assertAccessible(page, 'pupil profile after saving')

  // The audit trail lists the change, newest first.
  await submit(page.getByRole('link', { name: 'View audit trail' }))
  assert.equal(new URL(page.url()).pathname, `${profilePath}/audit`)
  await assertAccessible(page, 'audit trail')
  await screenshots('audit')
  // The newest entry is this save, and the flag is all it changed (an unchanged field, such as
  // the barriers' order, must not show up as a change).
  const newest = page.locator('table.wm-audit-table > tbody > tr').first()
  assert.equal(await newest.locator('table.wm-audit-diff tbody tr').count(), 1,
    `only the flag changed, but the audit lists:\n${await newest.locator('table.wm-audit-diff').textContent()}`)
  const change = newest.locator('table.wm-audit-diff tr', { hasText: 'flags.looked_after' }).first()
  assert.equal((await change.locator('td').nth(0).textContent()).trim(), 'flags.looked_after')
  const [before, afterText] = wasLookedAfter ? ['yes', 'no'] : ['no', 'yes']
  assert.match(await change.locator('td').nth(1).textContent(), new RegExp(`Before:\\s*${before}`))
  assert.match(await change.locator('td').nth(2).textContent(), new RegExp(`After:\\s*${afterText}`))

  // Signing out ends the session.
  await submit(page.getByRole('button', { name: 'Sign out' }))
  assert.equal(new URL(page.url()).pathname, '/login')
  await page.goto(`${baseUrl}${profilePath}`)
  assert.equal(new URL(page.url()).pathname, '/login')
})

test('the add-pupil and placement forms show their errors accessibly', async () => {
  // Signing in lands on the dashboard; this test starts from the pupil list.
  await signIn(page, baseUrl, HEAD)
  await page.goto(`${baseUrl}/pupils`)

  // Add a pupil: an empty form names every required field, in page order.
  await submit(page.getByRole('button', { name: 'Add a pupil' }))
  assert.equal(new URL(page.url()).pathname, '/pupils/new')
  await assertAccessible(page, 'add pupil form')
  let response = await submit(page.getByRole('button', { name: 'Save pupil' }))
  assert.equal(response.status(), 422)
  const links = await page.locator('.govuk-error-summary a').evaluateAll(as => as.map(a => a.getAttribute('href')))
  assert.deepEqual(links.slice(0, 3), ['#commissioner_id', '#legal_forename', '#legal_surname'])
  for (const href of links) assert.equal(await page.locator(href).count(), 1, `${href} names a field on the page`)
  await assertAccessible(page, 'add pupil form with errors')

  // A placement: the form for a new one, and a refused save of an existing one.
  await page.goto(`${baseUrl}/pupils`)
  await submit(page.locator('table.wm-pupil-table tbody a').first())
  await submit(page.getByRole('link', { name: 'Add placement' }))
  assert.match(new URL(page.url()).pathname, /^\/pupils\/\d+\/placements\/new$/)
  await assertAccessible(page, 'add placement form')
  await page.goBack()
  const edit = page.getByRole('link', { name: /^Edit placement at / }).first()
  if (await edit.count() > 0) {
    await submit(edit)
    assert.match(new URL(page.url()).pathname, /^\/placements\/\d+\/edit$/)
    await assertAccessible(page, 'edit placement form')
    await page.locator('#hours_per_week').fill('40')
    response = await submit(page.getByRole('button', { name: 'Save placement' }))
    assert.equal(response.status(), 422)
    assert.match(await page.locator('.govuk-error-summary').textContent(), /Hours a week must be between 0 and 32.5/)
    assert.equal(await page.locator('#hours_per_week').inputValue(), '40')
    await assertAccessible(page, 'edit placement form with errors')
    await page.screenshot({ path: path.join(SHOTS, 'pupil-placement-errors-desktop.png') })
  }
})

test('the server stops cleanly on SIGTERM', async () => {
  server.kill('SIGTERM')
  const { code, signal } = await server.exited
  assert.equal(signal, null, `waymark serve was killed by ${signal}`)
  assert.equal(code, 0)
})
