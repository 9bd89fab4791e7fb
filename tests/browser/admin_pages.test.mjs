// The admin pages in a real browser against a real server: the demo provider admin adds a user,
// edits them, creates an API token (shown once), uses and revokes it, uploads a bad and then a
// good pupils CSV on the import page, adds calendar entries, and reads the audit trail; a teacher
// is refused /users. Every page is checked with axe for WCAG 2.2 AA (no serious or critical
// violations), and the main pages are screenshotted at desktop (1280px) and tablet (768px)
// widths into tests/browser/screenshots/admin-*.png.
//
// Started by CTest with WAYMARK_BIN (the built `waymark`) and WAYMARK_ROOT (the repository).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible, screenshotWidths, DESKTOP } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { DEMO_PASSWORD, fillSignInForm, submit } from './lib/session.mjs'

const ADMIN = { email: 'admin@balance.example', password: DEMO_PASSWORD }
const TEACHER = { email: 'teacher@balance.example', password: DEMO_PASSWORD }
// A demo school's URN (src/app/demo.cpp): a provider's new pupil needs its commissioner.
const SCHOOL_URN = '150101'

const BAD_PUPILS = [
  'upn,forename,surname,dob,sex',
  'A12345678901X,Ann,Example,2011-02-30,Q',
  ',Ben,Example,2011-05-04,M',
  ''
].join('\r\n')
const GOOD_PUPILS = [
  'upn,forename,surname,dob,sex,commissioner_urn',
  `,Imogen,Testworth,2011-05-04,F,${SCHOOL_URN}`,
  ''
].join('\r\n')

let server
let baseUrl
let context
let page

// Screenshots at desktop and tablet widths, as screenshots/admin-`name`-*.png.
const screenshots = name => screenshotWidths(page, `admin-${name}`)

// Opens `path` signed out, signs in on the sign-in page it leads to, and returns the response of
// `path`, where signing in leads back to.
async function signIn ({ email, password }, path) {
  await page.goto(`${baseUrl}${path}`)
  assert.equal(new URL(page.url()).pathname, '/login', 'a signed-out visit goes to the sign-in page')
  const response = await fillSignInForm(page, email, password)
  assert.equal(new URL(page.url()).pathname, path.split('?')[0], 'signing in returns to the page asked for')
  return response
}

async function flash () {
  return (await page.locator('.govuk-notification-banner--success .govuk-notification-banner__heading').innerText()).trim()
}

async function errorSummary () {
  return page.locator('.govuk-error-summary__list li').allInnerTexts()
}

// Uploads `csv` through the pupils form; ticks or unticks "check only" as asked.
async function uploadPupils (csv, { dryRun }) {
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Pupils', exact: true }) })
  await section.getByLabel('Upload a pupils file').setInputFiles({ name: 'pupils.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await section.getByLabel('Check only (dry run)').setChecked(dryRun)
  const response = await submit(section.getByRole('button', { name: 'Upload pupils file' }))
  if (response.status() === 403 && /form has expired/.test(await page.content())) {
    assert.fail('the upload was refused as a CSRF failure: WebApp::dispatch must read csrf_token from ' +
      'multipart/form-data bodies (web/pages/multipart.h multipart_field)')
  }
  return response
}

before(async () => {
  server = await startDemoServer('admin-pages')
  baseUrl = server.baseUrl
  context = await launch({ viewport: DESKTOP })
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('users: an admin lists, adds and edits users', async () => {
  let response = await signIn(ADMIN, '/users')
  assert.equal(response.status(), 200)
  assert.equal(new URL(page.url()).pathname, '/users')
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Users')
  await assertAccessible(page, 'users list')
  await screenshots('users')

  await page.getByRole('button', { name: 'Add a user' }).click()
  await page.waitForURL('**/users/new')
  await assertAccessible(page, 'add user form')

  // Nothing filled in: every problem at once, in the summary and beside each field.
  response = await submit(page.getByRole('button', { name: 'Add user' }))
  assert.equal(response.status(), 422)
  const problems = await errorSummary()
  assert.ok(problems.length >= 3, `expected several problems, got ${JSON.stringify(problems)}`)
  assert.ok(await page.locator('#email-error').isVisible())
  assert.ok(await page.locator('#roles-error').isVisible())
  await page.locator('.govuk-error-summary__list a[href="#email"]').click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email')
  await assertAccessible(page, 'add user form with errors')
  await screenshots('user-errors')

  await page.getByLabel('Name', { exact: true }).fill('Priya Testwood')
  await page.getByLabel('Email address').fill('priya.testwood@balance.example')
  await page.getByLabel('Teacher').check()
  await page.getByLabel('Initial password').fill('a long enough password')
  response = await submit(page.getByRole('button', { name: 'Add user' }))
  assert.equal(response.status(), 200)
  assert.equal(new URL(page.url()).pathname, '/users')
  assert.match(await flash(), /User added/)
  const row = page.getByRole('row', { name: /Priya Testwood/ })
  assert.match(await row.innerText(), /priya\.testwood@balance\.example[\s\S]*Teacher[\s\S]*Active/)

  await row.getByRole('link').click()
  await page.waitForURL(/\/users\/\d+\/edit$/)
  await assertAccessible(page, 'edit user form')
  await page.getByLabel('Head').check()
  response = await submit(page.getByRole('button', { name: 'Save changes' }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /User details saved/)
  assert.match(await page.getByRole('row', { name: /Priya Testwood/ }).innerText(), /Teacher[\s\S]*Head/)

  await page.getByRole('row', { name: /Priya Testwood/ }).getByRole('link').click()
  await page.waitForURL(/\/users\/\d+\/edit$/)
  await page.getByLabel('New password').fill('short')
  response = await submit(page.getByRole('button', { name: 'Reset password' }))
  assert.equal(response.status(), 422)
  assert.match((await errorSummary()).join('\n'), /at least 12 characters/)
  await page.getByLabel('New password').fill('another long password')
  response = await submit(page.getByRole('button', { name: 'Reset password' }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /Password reset/)
})

test('account: a token is shown once, works, and stops working when revoked', async () => {
  await page.goto(`${baseUrl}/account`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Your account')
  await assertAccessible(page, 'account page')

  // The password form checks its confirmation before anything else.
  await page.getByLabel('Current password').fill(ADMIN.password)
  await page.getByLabel('New password', { exact: true }).fill('a brand new password')
  await page.getByLabel('Confirm new password').fill('a different password')
  let response = await submit(page.getByRole('button', { name: 'Change password' }))
  assert.equal(response.status(), 422)
  assert.ok(await page.locator('#confirm_password-error').isVisible())
  await assertAccessible(page, 'account page with errors')

  await page.getByLabel('What is it for?').fill('Attendance spreadsheet')
  response = await submit(page.getByRole('button', { name: 'Create token' }))
  assert.equal(response.status(), 200)
  const token = await page.locator('#new-token').inputValue()
  assert.match(token, /^wm_[0-9a-f]{64}$/)
  assert.match(await page.locator('.govuk-warning-text').innerText(), /Copy this token now/)
  await assertAccessible(page, 'new token page')
  await screenshots('token')

  const api = () => fetch(`${baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal((await api()).status, 200)

  await page.getByRole('button', { name: /back to your account/ }).click()
  await page.waitForURL('**/account**')
  const row = page.getByRole('row', { name: /Attendance spreadsheet/ })
  assert.match(await row.innerText(), new RegExp(token.slice(0, 10)))
  assert.ok(!(await page.content()).includes(token), 'the full token is shown only once')
  response = await submit(row.getByRole('button', { name: /Revoke/ }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /Token revoked/)
  assert.match(await page.getByRole('row', { name: /Attendance spreadsheet/ }).innerText(), /Revoked/)
  assert.equal((await api()).status, 401)
  await screenshots('account')
})

test('import: a bad pupils file lists every problem; a good one is checked, then imported', async () => {
  await page.goto(`${baseUrl}/import`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Import from a spreadsheet')
  await assertAccessible(page, 'import page')

  const template = await page.request.get(`${baseUrl}/import/template/pupils.csv`)
  assert.equal(template.status(), 200)
  assert.match(template.headers()['content-type'], /^text\/csv/)
  assert.match(await template.text(), /^upn,forename,surname,dob,sex,/)

  let response = await uploadPupils(BAD_PUPILS, { dryRun: true })
  assert.equal(response.status(), 422)
  assert.match((await errorSummary()).join('\n'), /pupil file has \d+ problems/)
  const cells = await page.locator('#pupils-problems tbody tr').evaluateAll(rows =>
    rows.map(row => [...row.cells].map(cell => cell.innerText.trim())))
  const columns = new Set(cells.map(([row, column]) => `row ${row}, column ${column}`))
  for (const column of ['upn', 'dob', 'sex']) {
    assert.ok([...columns].some(line => /^row \d+, column /.test(line) && line.endsWith(`column ${column}`)),
      `no problem reported for column ${column}: ${JSON.stringify(cells)}`)
  }
  assert.ok(cells.every(([row]) => /^\d+$/.test(row)), `every problem names its row: ${JSON.stringify(cells)}`)
  assert.match(cells.find(([, column]) => column === 'upn')[2], /UPN/)
  await page.locator('.govuk-error-summary__list a').first().click()
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pupils_file')
  await assertAccessible(page, 'import page with problems')
  await screenshots('import-problems')

  response = await uploadPupils(GOOD_PUPILS, { dryRun: true })
  assert.equal(response.status(), 200)
  assert.match(await flash(), /^Checked 1 row of pupils: 1 would be created, 0 updated and 0 left unchanged/)

  response = await uploadPupils(GOOD_PUPILS, { dryRun: false })
  assert.equal(response.status(), 200)
  assert.match(await flash(), /^Imported 1 row of pupils: 1 created/)
  await assertAccessible(page, 'import page after import')
})

test('calendar: terms, closure days, subjects and groups, with forms for an admin', async () => {
  await page.goto(`${baseUrl}/calendar`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Calendar, subjects and groups')
  await assertAccessible(page, 'calendar page')
  await screenshots('calendar')

  // An empty term form: its details open again, with every problem.
  await page.getByText('Add a term or half term').click()
  await page.getByLabel('Academic year it starts in').first().fill('')
  let response = await submit(page.getByRole('button', { name: 'Add term' }))
  assert.equal(response.status(), 422)
  assert.ok(await page.locator('#term_name-error').isVisible())
  assert.ok(await page.locator('#term_start_date-error').isVisible())
  await assertAccessible(page, 'calendar page with term errors')

  await page.getByText('Add a subject').click()
  await page.getByLabel('Subject name').fill('Horticulture')
  await page.getByLabel('Code (optional)').fill('HO')
  response = await submit(page.getByRole('button', { name: 'Add subject' }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /Subject added/)
  assert.ok(await page.getByRole('cell', { name: 'Horticulture', exact: true }).isVisible())

  await page.getByText('Add a closure day').click()
  await page.getByLabel('Date', { exact: true }).fill('2026-02-13')
  await page.getByLabel('Reason').fill('Staff training')
  response = await submit(page.getByRole('button', { name: 'Add closure day' }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /Closure day added/)
  assert.ok(await page.getByRole('cell', { name: 'Staff training' }).isVisible())

  await page.getByText('Add a teaching group').click()
  await page.getByLabel('Group name').fill('KS4 Horticulture')
  await page.getByLabel('Subject', { exact: true }).selectOption({ label: 'Horticulture' })
  response = await submit(page.getByRole('button', { name: 'Add teaching group' }))
  assert.equal(response.status(), 200)
  assert.match(await flash(), /Teaching group added/)
  assert.match(await page.getByRole('row', { name: /KS4 Horticulture/ }).innerText(), /Horticulture\s+\d{4}\/\d{2}\s+0\s+0/)
  assert.match(await page.locator('.govuk-inset-text').innerText(), /API/)
  await assertAccessible(page, 'calendar page after adding')
})

test('audit: the organisation trail shows what the admin just did', async () => {
  await page.goto(`${baseUrl}/audit`)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Audit trail')
  const text = await page.locator('table').innerText()
  assert.match(text, /Gemma Fairbrother\s+Create\s+User \d+/)
  assert.match(text, /Reset password/)
  assert.match(text, /Import\s+Pupil \d+\s+View pupil/)
  await assertAccessible(page, 'audit page')
  await screenshots('audit')
})

test('a teacher is refused the users page', async () => {
  await submit(page.getByRole('button', { name: 'Sign out' }))
  const response = await signIn(TEACHER, '/users')
  assert.equal(response.status(), 403)
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /cannot/)
  assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0, 'no Users link in the menu')
  await assertAccessible(page, '403 page')
  const audit = await page.goto(`${baseUrl}/audit`)
  assert.equal(audit.status(), 403)
  // A teacher reads the calendar but gets only the teaching group form.
  await page.goto(`${baseUrl}/calendar`)
  assert.equal(await page.getByText('Add a subject').count(), 0)
  assert.equal(await page.getByText('Add a teaching group').count(), 1)
})

test('the server stops cleanly on SIGTERM', async () => {
  server.kill('SIGTERM')
  const exit = await Promise.race([server.exited, new Promise(resolve => setTimeout(() => resolve('timeout'), 10_000))])
  assert.notEqual(exit, 'timeout', 'waymark serve did not stop within 10 s of SIGTERM')
  assert.equal(exit.code, 0, `waymark serve exited with ${JSON.stringify(exit)}:\n${server.log()}`)
})
