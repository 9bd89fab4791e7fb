// The baseline pages in a real browser against a demo server: a Balance teacher records a
// teacher SDQ (25 item selects) and sees each subscale, the total difficulties and its band;
// writes a learning pathway; asks for a further assessment and records its outcome. Errors
// re-render the forms with the values sent (422). The Ashfield SENCo reads the page without
// forms; Kingsway gets 404. axe checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import {
  BALANCE_TEACHER as TEACHER, ASHFIELD_SENCO as SCHOOL, KINGSWAY_SENCO as OTHER_SCHOOL,
  getJson, balancePupilPlacedByAshfield
} from './lib/demo.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn, submit } from './lib/session.mjs'

const REVERSED = new Set([7, 11, 14, 21, 25])

let server, baseUrl, context, page, pupil

const api = pathname => getJson(page, baseUrl, pathname)

before(async () => {
  server = await startDemoServer('baseline')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
  pupil = await balancePupilPlacedByAshfield(page, baseUrl)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher records a teacher SDQ and sees its subscales, total and band', async () => {
  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}`)
  await submit(page.getByRole('link', { name: 'Baseline assessment' }))
  assert.match(page.url(), new RegExp(`/pupils/${pupil.id}/baselines$`))
  await assertAccessible(page, 'baseline page')

  await submit(page.getByRole('link', { name: 'SDQ (teacher)', exact: true }))
  await assertAccessible(page, 'SDQ form')
  assert.equal(await page.locator('select[id^="item_"]').count(), 25)

  // Nothing answered: refused, naming the items.
  const refused = await submit(page.getByRole('button', { name: 'Save result' }))
  assert.equal(refused.status(), 422)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /items/i)
  await assertAccessible(page, 'SDQ form with an error')

  // Every difficulty at its worst (reverse-scored items ticked "not true"), prosocial at its best:
  // each difficulty subscale scores 10, total difficulties 40 (Very high), prosocial 10.
  for (let item = 1; item <= 25; item++) {
    await page.selectOption(`#item_${item}`, REVERSED.has(item) ? '0' : '2')
  }
  await page.getByLabel('Notes').fill('Completed by the form tutor')
  await submit(page.getByRole('button', { name: 'Save result' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Baseline result recorded/)
  const saved = (await api(`/api/v1/pupils/${pupil.id}/baselines`)).items
    .find(item => item.notes === 'Completed by the form tutor')
  assert.ok(saved, 'the result is stored')
  assert.equal(saved.sdq.total_difficulties.score, 40)
  const card = page.locator(`#sdq-${saved.id}`)
  const total = await card.locator('tr', { hasText: 'Total difficulties' }).innerText()
  assert.match(total, /40\s+Very high/)
  assert.match(await card.locator('tr', { hasText: 'Emotional symptoms' }).innerText(), /10\s+Very high/)
  assert.match(await card.locator('tr', { hasText: 'Prosocial' }).innerText(), /10\s+Close to average/)
  assert.match(await page.locator('#baseline-results').innerText(), /Completed by the form tutor/)
  await assertAccessible(page, 'baseline page with an SDQ')
})

test('a teacher writes a learning pathway', async () => {
  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines`)
  await submit(page.getByRole('link', { name: 'Add a learning pathway for a subject' }))
  await assertAccessible(page, 'pathway form')
  const refused = await submit(page.getByRole('button', { name: 'Save pathway' }))
  assert.equal(refused.status(), 422)
  const subject = await page.locator('#subject_id option').nth(1).evaluate(option => ({ value: option.value, text: option.textContent }))
  await page.selectOption('#subject_id', subject.value)
  await page.getByLabel('Starting point').fill('Reads at about a 9-year-old level')
  await page.getByLabel('Priorities').fill('Inference and vocabulary')
  await submit(page.getByRole('button', { name: 'Save pathway' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Learning pathway saved/)
  const card = await page.locator('.govuk-summary-card', { hasText: 'Inference and vocabulary' }).innerText()
  assert.match(card, new RegExp(subject.text))
  assert.match(card, /Reads at about a 9-year-old level/)
})

test('a teacher asks for a further assessment and records its outcome', async () => {
  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines`)
  await page.locator('summary', { hasText: 'Request a further assessment' }).click()
  await page.selectOption('#kind', 'dyslexia_screening')
  const refused = await submit(page.getByRole('button', { name: 'Request assessment' }))
  assert.equal(refused.status(), 422, 'a request needs a reason')
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Reason/i)
  assert.equal(await page.locator('#kind').inputValue(), 'dyslexia_screening')
  await assertAccessible(page, 'request form with an error')

  await page.getByLabel('Why it is needed').fill('Reading age well below chronological age; letter reversals')
  await submit(page.getByRole('button', { name: 'Request assessment' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Further assessment requested/)
  const card = page.locator('.govuk-summary-card', { hasText: 'letter reversals' })
  assert.match(await card.innerText(), /Dyslexia screening/)
  assert.match(await card.innerText(), /Open/)

  await card.locator('summary', { hasText: 'Record the outcome' }).click()
  const noOutcome = await submit(card.getByRole('button', { name: 'Record outcome' }))
  assert.equal(noOutcome.status(), 422, 'closing needs an outcome')
  assert.match(await page.locator('.govuk-error-summary').innerText(), /Outcome/i)
  const again = page.locator('.govuk-summary-card', { hasText: 'letter reversals' })
  await again.getByLabel('Outcome', { exact: true }).fill('Screening shows a moderate risk of dyslexia; referred to the SENCo')
  await submit(again.getByRole('button', { name: 'Record outcome' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Outcome recorded/)
  const closed = await page.locator('.govuk-summary-card', { hasText: 'letter reversals' }).innerText()
  assert.match(closed, /Closed/)
  assert.match(closed, /moderate risk of dyslexia/)
  assert.match(closed, /Requested by\s+\S/)
  await assertAccessible(page, 'baseline page with a closed request')
})

test('the commissioning school reads the baseline without forms; another school gets 404', async () => {
  await signIn(page, baseUrl, SCHOOL)
  await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines`)
  assert.match(await page.locator('main').innerText(), /Total difficulties/)
  assert.equal(await page.getByText('Request a further assessment').count(), 0)
  assert.equal(await page.getByText('Record a result').count(), 0)
  // Only the provider records results: the form itself is refused, whatever the instrument.
  const forbidden = await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines/new?instrument_id=1`)
  assert.equal(forbidden.status(), 403)
  await assertAccessible(page, '403 page')

  await signIn(page, baseUrl, OTHER_SCHOOL)
  const missing = await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines`)
  assert.equal(missing.status(), 404)
})

test('an admin adds an instrument and a teacher records a raw score with it', async () => {
  await signIn(page, baseUrl, 'admin@balance.example')
  await page.goto(`${baseUrl}/settings/baseline-instruments`)
  await page.locator('summary', { hasText: 'Add an instrument' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Phonics check')
  await page.selectOption('#domain', 'literacy')
  await page.getByLabel('What it measures').fill('Grapheme-phoneme correspondence')
  await page.selectOption('#score_type', 'raw')
  const refused = await submit(page.getByRole('button', { name: 'Add instrument' }))
  assert.equal(refused.status(), 422, 'a raw score needs its maximum')
  assert.match(await page.locator('.govuk-error-summary').innerText(), /max score/i)
  assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Phonics check')
  await assertAccessible(page, 'instrument form with an error')
  await page.getByLabel('Maximum score').fill('40')
  await submit(page.getByRole('button', { name: 'Add instrument' }))
  assert.match(await page.locator('.govuk-notification-banner').innerText(), /Instrument added/)
  assert.match(await page.locator('table').innerText(), /Phonics check[\s\S]*Raw score out of 40/)

  await signIn(page, baseUrl, TEACHER)
  await page.goto(`${baseUrl}/pupils/${pupil.id}/baselines`)
  await submit(page.getByRole('link', { name: 'Phonics check', exact: true }))
  await page.getByLabel('Score').fill('50')
  const tooHigh = await submit(page.getByRole('button', { name: 'Save result' }))
  assert.equal(tooHigh.status(), 422)
  assert.match(await page.locator('.govuk-error-summary').innerText(), /0 to 40/)
  assert.equal(await page.getByLabel('Score').inputValue(), '50')
  await assertAccessible(page, 'raw score form with an error')
  await page.getByLabel('Score').fill('32')
  await submit(page.getByRole('button', { name: 'Save result' }))
  assert.match(await page.locator('#baseline-results').innerText(), /Phonics check 32\/40/)
})
