// The AP assessment loop in a real browser (issue 3): a Balance teacher finds a teaching group's
// exit-ticket grid from the group list and enters scores by keyboard; opens the feedback forms due
// from the navigation; writes a pupil's form (topics prefilled from the exit tickets, ATL, one
// indicator confirmed and one overridden with a reason, a comment); marks it ready, sends it and
// signs out. The commissioning school's user then finds the sent form in the UI and as JSON, and
// another school's user gets 404 for it. axe checks every page on the way (WCAG 2.2 AA).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn, signOut, submit } from './lib/session.mjs'

const TEACHER = 'teacher@balance.example' // Hannah Lewington
// Commissioning schools' users (src/app/demo.cpp): the one that placed the pupil, and the other.
const SCHOOL_USERS = { ashfield: 'senco@ashfield.example', kingsway: 'senco@kingsway.example' }

let server, baseUrl, context, page

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function api (urlPath) {
  const response = await page.request.get(`${baseUrl}${urlPath}`)
  return { status: response.status(), body: await response.json() }
}

before(async () => {
  server = await startDemoServer('teacher')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher enters exit tickets, writes and sends a feedback form; only the commissioning school sees it', async () => {
  await signIn(page, baseUrl, TEACHER)

  // The group list links each group's exit-ticket grid.
  await submit(page.getByRole('navigation').getByRole('link', { name: 'Calendar' }))
  await submit(page.getByRole('link', { name: 'Exit tickets for KS4 English' }))
  await page.getByRole('heading', { level: 1, name: /Exit tickets: English/ }).waitFor()
  await assertAccessible(page, 'exit ticket grid')

  // Keyboard only: the shared topic, Tab to the first row's score, Enter down the column.
  const rows = page.locator('table[data-exit-ticket-grid] tbody tr')
  assert.ok(await rows.count() >= 2, 'at least two pupils in the group')
  await page.locator('#topic_default').focus()
  await page.keyboard.type('Speech writing')
  await page.keyboard.press('Tab') // marks available
  await page.keyboard.press('Tab') // row 1 topic
  await page.keyboard.press('Tab') // row 1 score
  await page.keyboard.type('6')
  await page.keyboard.press('Enter')
  await page.keyboard.type('9')
  await page.keyboard.press('Enter')
  await page.locator('#grid-status').getByText('All changes saved').waitFor()
  await rows.nth(1).locator('[data-row-state]').getByText('Saved', { exact: true }).waitFor()

  // The forms due, from the navigation.
  await submit(page.getByRole('navigation').getByRole('link', { name: 'Feedback forms due' }))
  await page.getByRole('heading', { level: 1, name: 'Feedback forms due' }).waitFor()
  await assertAccessible(page, 'feedback forms due')

  // A form of Hannah's whose pupil a school (not the LA) placed, in a period with exit tickets.
  const organisations = (await api('/api/v1/organisations')).body.items
  const schoolOf = (id) => Object.keys(SCHOOL_USERS).find((key) =>
    organisations.some((org) => org.id === id && org.name.toLowerCase().includes(key)))
  const due = (await api('/api/v1/feedback-forms/due')).body.items
  const mine = due.find((member) => member.display_name === 'Hannah Lewington')
  assert.ok(mine, 'Hannah has forms due')
  const sevenWeeksAgo = new Date(Date.now() - 42 * 86400_000).toISOString().slice(0, 10)
  // The demo's exit tickets cover the last seven weeks: prefer a period inside them.
  const candidates = [...mine.forms].sort((a, b) =>
    Number(a.period.start < sevenWeeksAgo) - Number(b.period.start < sevenWeeksAgo))
  let chosen = null
  for (const item of candidates) {
    const placement = await api(`/api/v1/placements/${item.placement_id}`)
    const school = placement.status === 200 ? schoolOf(placement.body.commissioner_id) : undefined
    if (school) { chosen = { item, school }; break }
  }
  assert.ok(chosen, `a due form of a school-placed pupil among ${JSON.stringify(mine.forms)}`)
  const { item, school } = chosen
  const otherSchool = Object.keys(SCHOOL_USERS).find((key) => key !== school)

  // Open it from the due list: a draft opens directly; a form not started opens the pupil's
  // forms with its period chosen, to start it.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: item.pupil_name, exact: true }) })
    .filter({ hasText: `${item.period.number}: ` }).first()
  if (item.form_id === null) {
    await submit(row.getByRole('link', { name: /Not started/ }))
    await page.getByRole('heading', { level: 1, name: 'Feedback forms' }).waitFor()
    await assertAccessible(page, "pupil's feedback forms")
    assert.equal(await page.locator('#period_number').inputValue(), String(item.period.number))
    await submit(page.getByRole('button', { name: 'Start the form' }))
  } else {
    await submit(row.getByRole('link', { name: new RegExp(`form for ${escapeRegExp(item.pupil_name)}$`) }))
  }
  await page.getByRole('heading', { level: 1, name: new RegExp(`Feedback form: period ${item.period.number}`) }).waitFor()
  await assertAccessible(page, 'feedback form (draft)')
  const formId = Number(new URL(page.url()).pathname.split('/').pop())

  // A tampered version field is refused with the form shown again, not a server error.
  const csrf = await page.locator('input[name="csrf_token"]').first().inputValue()
  const tampered = await page.request.post(`${baseUrl}/feedback-forms/${formId}`,
    { form: { csrf_token: csrf, updated_at: 'yesterday' }, maxRedirects: 0 })
  assert.equal(tampered.status(), 422)
  assert.match(await tampered.text(), /reload it and try again/)

  // Topics are prefilled from the exit tickets; grade every subject.
  if (await page.locator('textarea[id$="_topics"]').count() === 0) {
    // A period before any exit tickets: the teacher adds a subject by hand.
    await page.locator('#add_subject_id').selectOption({ index: 1 })
    await submit(page.locator('#save-form'))
    await page.locator('#subject_0_topics').fill('Initial assessment')
  }
  const subjects = await page.locator('textarea[id$="_topics"]').count()
  assert.ok(subjects >= 1, 'the form has subjects from the exit tickets')
  if (item.period.start >= sevenWeeksAgo) {
    assert.notEqual((await page.locator('#subject_0_topics').inputValue()).trim(), '', 'topics prefilled')
  }
  const indicators = ['exceeding', 'meeting', 'working_towards']
  const labels = { exceeding: 'Exceeding', meeting: 'Meeting', working_towards: 'Working Towards' }
  let overridden = false
  for (let index = 0; index < subjects; index++) {
    await page.locator(`#subject_${index}_atl`).selectOption(String(3 - (index % 2)))
    const hint = await page.locator(`#subject_${index}_indicator-hint`).innerText()
    const proposed = indicators.find((value) => hint.startsWith(`Waymark proposes ${labels[value]}:`))
    if (proposed && !overridden && index > 0) {
      // Override the proposal, with the reason the form requires.
      await page.locator(`#subject_${index}_indicator`).selectOption(indicators.find((value) => value !== proposed))
      await page.locator(`#subject_${index}_override_reason`).fill('Classwork this period is stronger than the exit tickets show.')
      overridden = true
    } else {
      // Confirm the proposal (or, with none, choose Meeting).
      await page.locator(`#subject_${index}_indicator`).selectOption(proposed ?? 'meeting')
    }
  }
  const comment = `A settled three weeks with good focus (${process.pid}).`
  await page.locator('#comment').fill(comment)
  await submit(page.locator('#save-form'))
  await page.getByText('Feedback form saved').waitFor()
  await assertAccessible(page, 'feedback form (saved)')

  await submit(page.locator('#ready-button'))
  await page.getByText('Feedback form marked as ready').waitFor()
  await submit(page.locator('#send-button'))
  await page.getByText('Feedback form sent').waitFor()
  assert.equal((await page.locator('#form-status').innerText()).trim(), 'Sent')
  await assertAccessible(page, 'feedback form (sent)')
  await signOut(page)

  // The commissioning school: the form is in its list, readable, and in the API as JSON.
  await signIn(page, baseUrl, SCHOOL_USERS[school])
  await submit(page.getByRole('navigation').getByRole('link', { name: 'Feedback forms' }))
  await assertAccessible(page, 'feedback forms received')
  const link = page.locator(`a[href="/feedback-forms/${formId}"]`)
  assert.equal(await link.count(), 1, 'the sent form is listed')
  await submit(link)
  await page.getByText(comment).waitFor()
  assert.equal((await page.locator('#form-status').innerText()).trim(), 'Sent')
  await assertAccessible(page, 'feedback form (read by the school)')
  const json = await api(`/api/v1/feedback-forms/${formId}`)
  assert.equal(json.status, 200)
  assert.equal(json.body.status, 'sent')
  assert.equal(json.body.comment, comment)
  assert.equal(json.body.pupil_id, item.pupil_id)
  assert.ok(json.body.subjects.every((subject) => subject.atl >= 1 && subject.indicator), JSON.stringify(json.body))
  if (overridden) assert.ok(json.body.subjects.some((subject) => subject.override_reason.length > 0))
  await page.goto(`${baseUrl}/pupils/${item.pupil_id}/timeline`)
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  await assertAccessible(page, "the pupil's timeline")
  await signOut(page)

  // Another school: not its pupil, so the form does not exist for it.
  await signIn(page, baseUrl, SCHOOL_USERS[otherSchool])
  const hidden = await page.goto(`${baseUrl}/feedback-forms/${formId}`)
  assert.equal(hidden.status(), 404)
  await assertAccessible(page, 'not found page')
  assert.equal((await page.request.get(`${baseUrl}/api/v1/feedback-forms/${formId}`)).status(), 404)
  const list = (await api('/api/v1/feedback-forms')).body.items
  assert.ok(!list.some((form) => form.id === formId), 'not in the other school\'s list')
})
