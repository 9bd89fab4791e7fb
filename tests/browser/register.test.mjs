// Taking a register in a real browser, by keyboard only: a Balance teacher opens the day's PM
// register (marked "Not taken"), finds everyone present by default, types L with minutes for one
// pupil and N for another (moving with the arrow keys), saves, and after a reload finds the marks.
// Then the commissioning school (Ashfield) finds the N alert in its notifications and sees the N on
// its daily summary and on the pupil's attendance page. axe checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, firstPage, assertAccessible } from './lib/browser.mjs'
import { startDemoServer } from './lib/server.mjs'
import { signIn } from './lib/session.mjs'

let server, baseUrl, context, page

before(async () => {
  server = await startDemoServer('register')
  baseUrl = server.baseUrl
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  await server?.stop()
})

test('a teacher takes a register by keyboard; the school sees the N', async () => {
  await signIn(page, baseUrl, 'teacher@balance.example')
  // The demo leaves the latest school day's PM register at Balance to take.
  let day
  const date = new Date()
  for (let back = 0; back < 21 && !day; back++, date.setDate(date.getDate() - 1)) {
    const iso = date.toISOString().slice(0, 10)
    const list = await (await page.request.get(`${baseUrl}/api/v1/registers?date=${iso}`)).json()
    const pm = list.items.find((item) => item.session === 'PM')
    if (pm.expected >= 2 && !pm.taken) day = iso
  }
  assert.ok(day, 'a PM register not yet taken')
  const ashfield = (await (await page.request.get(`${baseUrl}/api/v1/organisations`)).json()).items
    .find((organisation) => /Ashfield/.test(organisation.name))
  const register = await (await page.request.get(`${baseUrl}/api/v1/registers/${day}/PM`)).json()
  const absentIndex = register.rows.findIndex((row) => row.commissioner_id === ashfield.id)
  assert.ok(absentIndex >= 0, 'an Ashfield pupil on the register')
  const lateIndex = absentIndex === 0 ? 1 : 0
  const absent = register.rows[absentIndex]
  const late = register.rows[lateIndex]

  await page.goto(`${baseUrl}/registers?date=${day}`)
  const pmRow = page.getByRole('row', { name: /Afternoon/ })
  await assert.doesNotReject(pmRow.getByText('Not taken').waitFor())
  await assertAccessible(page, 'the registers page')
  await Promise.all([page.waitForNavigation(), pmRow.getByRole('link').click()])
  assert.match(page.url(), new RegExp(`/registers/${day}/PM$`))

  // Everyone is present by default.
  const codes = page.locator('input[data-col="code"]')
  assert.equal(await codes.count(), register.rows.length)
  for (const value of await codes.evaluateAll((inputs) => inputs.map((input) => input.value))) assert.equal(value, '\\')
  await assertAccessible(page, 'the register grid')

  // Keyboard only: the late pupil's code, Tab to the minutes, back, then down to the absent pupil.
  await codes.first().focus()
  for (let step = 0; step < lateIndex; step++) await page.keyboard.press('ArrowDown')
  await page.keyboard.type('l')
  await page.keyboard.press('Tab')
  await page.keyboard.type('10')
  await page.keyboard.press('Shift+Tab')
  const move = absentIndex - lateIndex
  for (let step = 0; step < Math.abs(move); step++) await page.keyboard.press(move > 0 ? 'ArrowDown' : 'ArrowUp')
  await page.keyboard.type('n')
  assert.equal(await page.locator(`#code_${late.pupil_id}`).inputValue(), 'L', 'upper-cased as typed')
  assert.equal(await page.locator(`#code_${absent.pupil_id}`).inputValue(), 'N')
  await page.getByRole('button', { name: 'Save register' }).focus()
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
  await assert.doesNotReject(page.getByText('Register saved').first().waitFor())

  await page.reload()
  assert.equal(await page.locator(`#code_${late.pupil_id}`).inputValue(), 'L')
  assert.equal(await page.locator(`#minutes_${late.pupil_id}`).inputValue(), '10')
  assert.equal(await page.locator(`#code_${absent.pupil_id}`).inputValue(), 'N')
  assert.equal(await page.getByText('Not marked').count(), 0, 'every pupil was marked')
  await assertAccessible(page, 'the saved register')

  // The commissioning school, the same day: the N alert is waiting in its notifications (naming
  // no pupil; the link leads to the pupil's attendance, which checks who is reading).
  await signIn(page, baseUrl, 'senco@ashfield.example')
  await page.goto(`${baseUrl}/notifications`)
  const alert = page.locator(`a[href="/pupils/${absent.pupil_id}/attendance"]`,
    { hasText: 'Unexplained absence (N) recorded for a pupil you placed' })
  await assert.doesNotReject(alert.first().waitFor())
  await assert.doesNotReject(page.getByText(`as N (absent, reason not yet established) in the PM session on ${day}`).first().waitFor())
  assert.equal(await page.getByText(absent.name).count(), 0, 'the notice names no pupil')
  await assertAccessible(page, 'the notifications page')

  await page.goto(`${baseUrl}/attendance/daily?date=${day}`)
  const row = page.getByRole('row', { name: new RegExp(absent.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
  await assert.doesNotReject(row.getByText('reason not yet established').waitFor())
  await assertAccessible(page, 'the daily attendance summary')
  await Promise.all([page.waitForNavigation(), row.getByRole('link').click()])
  assert.match(page.url(), new RegExp(`/pupils/${absent.pupil_id}/attendance$`))
  await assert.doesNotReject(page.getByText('reason not yet established').first().waitFor())
  await assertAccessible(page, "the pupil's attendance page")
})
