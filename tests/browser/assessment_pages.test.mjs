// The assessment-setup pages in a real browser against a demo server: a Balance teacher sets a
// target from the subject's scale, revises it (a reason is required) and sees the history; a grade
// not on the scale is neither offered nor accepted; the commissioning school's SENCo enters the
// intake (a bad KS2 score is shown again with its error) and adds home-school work, which the
// Balance teacher moves on; another school's user gets 404 on every pupil page; the settings pages
// open from the nav. axe checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import {
  BALANCE_TEACHER as TEACHER, ASHFIELD_SENCO as SCHOOL, KINGSWAY_SENCO as OTHER_SCHOOL,
  getJson, balancePupilPlacedByAshfield
} from './lib/demo.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn, submit } from './lib/session.mjs'

const ADMIN = 'admin@balance.example'

let server, baseUrl, context, page, pupil

const api = pathname => getJson(page, baseUrl, pathname)

before(async () => {
  server = await startDemoServer('assessment')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
  pupil = await balancePupilPlacedByAshfield(page, baseUrl)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a provider teacher sets a target, revises it with a reason and sees the history', async () => {
  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}`)
  await submit(page.getByRole('link', { name: 'Targets' }))
  assert.match(page.url(), new RegExp(`/pupils/${pupil.id}/targets$`))
  await assertAccessible(page, 'targets page')

  // A subject with no target yet, so the first save is a setting, not a revision.
  const existing = new Set((await api(`/api/v1/pupils/${pupil.id}/targets`)).current.map(t => t.subject_id))
  const subjects = await page.locator('#subject_id option').evaluateAll(options =>
    options.filter(option => option.value).map(option => ({ value: option.value, text: option.textContent })))
  const subject = subjects.find(option => !existing.has(Number(option.value)))
  assert.ok(subject, 'a subject without a target')
  await page.selectOption('#subject_id', subject.value)
  await submit(page.getByRole('button', { name: 'Choose subject' }))
  await assertAccessible(page, 'target form')

  // The grades offered are exactly the subject's scale for the pupil's stage.
  const scales = await api(`/api/v1/subjects/${subject.value}/scales`)
  const pupilJson = await api(`/api/v1/pupils/${pupil.id}`)
  const ncYear = pupilJson.pupil?.nc_year ?? pupilJson.nc_year
  const scaleKey = ncYear >= 10 ? scales.ks4_scale_key : scales.ks3_scale_key
  const scale = (await api('/api/v1/grade-scales')).items.find(item => item.key === scaleKey)
  const offered = await page.locator('#grade option').evaluateAll(options =>
    options.map(option => option.value).filter(Boolean))
  assert.deepEqual([...offered].sort(), scale.grades.map(grade => grade.code).sort())
  assert.ok(!offered.includes('7++'))

  const first = scale.grades[Math.floor(scale.grades.length / 2)]
  const second = scale.grades[Math.floor(scale.grades.length / 2) + 1]
  await page.selectOption('#grade', first.code)
  await submit(page.getByRole('button', { name: 'Save target' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Target saved/)
  const current = page.locator('#current-targets tr', { hasText: subject.text })
  assert.match(await current.innerText(), new RegExp(first.label.replace(/[+]/g, '\\+')))

  // Revising without a reason is refused, keeping the grade chosen.
  await submit(page.getByRole('link', { name: `Revise the ${subject.text} target` }))
  await page.selectOption('#grade', second.code)
  const refused = await submit(page.getByRole('button', { name: 'Save target' }))
  assert.equal(refused.status(), 422)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /reason/i)
  assert.equal(await page.locator('#grade').inputValue(), second.code)
  await assertAccessible(page, 'target form with an error')

  await page.getByLabel('Why is the target being changed?').fill('Baseline reading age higher than the home school reported')
  await submit(page.getByRole('button', { name: 'Save target' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Target saved/)
  const history = await page.locator('#target-history tbody tr', { hasText: subject.text }).allInnerTexts()
  assert.equal(history.length, 2, 'both the target and its revision are kept')
  assert.match(history[0], /Baseline reading age higher/)
  await assertAccessible(page, 'targets page with history')
})

test('a grade not on the scale is refused when sent anyway', async () => {
  await signIn(page, baseUrl, TEACHER)
  const subjects = await api('/api/v1/subjects')
  const list = subjects.items ?? subjects
  await page.goto(`${baseUrl}/pupils/${pupil.id}/targets?subject_id=${list[0].id}`)
  const csrf = await page.locator('input[name="csrf_token"]').first().inputValue()
  const response = await page.request.post(`${baseUrl}/pupils/${pupil.id}/targets`, {
    form: { csrf_token: csrf, subject_id: String(list[0].id), grade: '7++', reason: 'trying' }
  })
  assert.equal(response.status(), 422)
  assert.match(await response.text(), /is not a grade on the/)
})

test("the commissioning school's SENCo enters the intake and adds home-school work", async () => {
  await signIn(page, baseUrl, SCHOOL)
  await page.goto(`${baseUrl}/pupils/${pupil.id}`)
  await submit(page.getByRole('link', { name: 'Intake from the home school' }))
  await assertAccessible(page, 'intake page')
  await submit(page.locator('.govuk-summary-card__action a').first())
  await assertAccessible(page, 'intake form')

  const working = page.locator('#maths_working_at')
  const codes = await working.locator('option').evaluateAll(options => options.map(o => o.value).filter(Boolean))
  await working.selectOption(codes[Math.floor(codes.length / 2)])
  await page.selectOption('#maths_exam_board', 'aqa')
  await page.getByLabel('KS2 reading scaled score').fill('150')
  await page.getByLabel('Notes').fill('Settled well in Year 7')
  const refused = await submit(page.getByRole('button', { name: 'Save intake' }))
  assert.equal(refused.status(), 422)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /KS2 reading/i)
  assert.equal(await page.getByLabel('KS2 reading scaled score').inputValue(), '150')
  assert.equal(await page.getByLabel('Notes').inputValue(), 'Settled well in Year 7')
  await assertAccessible(page, 'intake form with an error')

  await page.getByLabel('KS2 reading scaled score').fill('104')
  await submit(page.getByRole('button', { name: 'Save intake' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Intake saved/)
  const card = await page.locator('.govuk-summary-card').first().innerText()
  assert.match(card, /KS2 reading scaled score\s+104/)
  assert.match(card, /Maths exam board\s+AQA/)
  assert.match(card, /Settled well in Year 7/)

  await page.locator('summary', { hasText: 'Add work from the home school' }).first().click()
  await page.locator('input[id$="_title"]').first().fill('Fractions revision pack')
  await page.locator('input[id$="_subject"]').first().fill('Maths')
  await submit(page.getByRole('button', { name: 'Add work' }).first())
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Work added/)
  assert.match(await page.locator('table').first().innerText(), /Fractions revision pack/)
  await assertAccessible(page, 'intake page with work')

  // The provider's teacher moves the work on but may not change the intake itself.
  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}/intake`)
  assert.equal(await page.getByRole('link', { name: /Change intake/ }).count(), 0)
  await page.getByLabel('Status of Fractions revision pack').selectOption('completed')
  await submit(page.getByRole('button', { name: 'Change status of Fractions revision pack' }))
  assert.match(await page.locator('table').first().innerText(), /Completed/)
  const placementId = pupil.placements[0].id
  const forbidden = await page.goto(`${baseUrl}/placements/${placementId}/intake`)
  assert.equal(forbidden.status(), 403)
  await assertAccessible(page, '403 page')
})

test("another school's user gets 404 on the pupil's pages", async () => {
  await signIn(page, baseUrl, OTHER_SCHOOL)
  for (const pathname of ['intake', 'targets', 'baselines', 'pathway']) {
    const response = await page.goto(`${baseUrl}/pupils/${pupil.id}/${pathname}`)
    assert.equal(response.status(), 404, pathname)
  }
  const response = await page.goto(`${baseUrl}/placements/${pupil.placements[0].id}/intake`)
  assert.equal(response.status(), 404)
  await assertAccessible(page, '404 page')
})

test('an admin reaches the settings pages from the navigation', async () => {
  await signIn(page, baseUrl, ADMIN)
  await submit(page.getByRole('link', { name: 'Settings' }))
  await assertAccessible(page, 'settings index')
  for (const name of ['Grade scales', 'Subject grade scales', 'KS3 expectations', 'Baseline instruments']) {
    await page.goto(`${baseUrl}/settings`)
    await submit(page.getByRole('link', { name, exact: true }))
    assert.equal(await page.locator('h1').innerText(), name)
    await assertAccessible(page, name)
  }

  // An admin adds a scale; a repeated code is refused, naming the line.
  await page.goto(`${baseUrl}/settings/grade-scales`)
  await page.locator('summary', { hasText: 'Add a grade scale' }).click()
  await page.getByLabel('Key', { exact: true }).fill('reading_band')
  await page.getByLabel('Name', { exact: true }).fill('Reading band')
  await page.getByLabel('Grades, worst first').fill('R1, Emerging\nR2, Developing\nR2, Again')
  const refused = await submit(page.getByRole('button', { name: 'Add grade scale' }))
  assert.equal(refused.status(), 422)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Grades/)
  await page.getByLabel('Grades, worst first').fill('R1, Emerging\nR2, Developing\nR3, Secure')
  await submit(page.getByRole('button', { name: 'Add grade scale' }))
  assert.match(await page.locator('main').innerText(), /Reading band/)
  assert.match(await page.locator('main').innerText(), /Developing/)

  // A subject's KS4 scale changes to whole GCSE grades.
  await page.goto(`${baseUrl}/settings/subjects`)
  const card = page.locator('.govuk-summary-card').first()
  const subjectName = await card.locator('h2').innerText()
  await card.locator('summary').click()
  await card.locator('select[id$="_ks4_scale_key"]').selectOption('gcse')
  await submit(card.getByRole('button', { name: `Save scales for ${subjectName}` }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Subject scales saved/)
  assert.match(await page.locator('.govuk-summary-card').first().innerText(), /Key Stage 4\s+GCSE 9-1\n/)

  // The KS3 table: a range whose lower end is above its upper end is refused.
  await page.goto(`${baseUrl}/settings/ks3-expectations`)
  await page.selectOption('#y7_autumn_from', 'E+')
  await page.selectOption('#y7_autumn_to', 'F-')
  const badTable = await submit(page.getByRole('button', { name: 'Save KS3 expectations' }))
  assert.equal(badTable.status(), 422)
  await assertAccessible(page, 'KS3 expectations with an error')
  await page.selectOption('#y7_autumn_from', 'S-')
  await page.selectOption('#y7_autumn_to', 'S+')
  await submit(page.getByRole('button', { name: 'Save KS3 expectations' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /KS3 expectations saved/)
})

test('a teacher has no Settings item and cannot add a grade scale', async () => {
  await signIn(page, baseUrl, TEACHER)
  assert.equal(await page.getByRole('link', { name: 'Settings' }).count(), 0)
  await page.goto(`${baseUrl}/settings/grade-scales`)
  assert.equal(await page.getByText('Add a grade scale').count(), 0)
  const csrf = await page.locator('input[name="csrf_token"]').first().inputValue()
  const response = await page.request.post(`${baseUrl}/settings/grade-scales`, {
    form: { csrf_token: csrf, key: 'sneaky', name: 'Sneaky', points_scheme: 'none', grades: 'A\nB' }
  })
  assert.equal(response.status(), 403)
})
