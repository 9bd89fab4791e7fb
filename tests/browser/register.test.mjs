// Taking a register in a real browser, by keyboard only: a Balance teacher opens the day's PM
// register (marked "Not taken"), finds everyone present by default, types L with minutes for one
// pupil and N for another (moving with the arrow keys), saves, and after a reload finds the marks.
// Then the commissioning school (Ashfield) sees the N on its daily summary and on the pupil's
// attendance page. axe checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launch, firstPage, checkAxe, formatViolations } from './lib/browser.mjs'

const PASSWORD = 'waymark-demo-2025'
const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = process.env.WAYMARK_ROOT || path.resolve(HERE, '../..')
const BIN = process.env.WAYMARK_BIN || path.join(ROOT, 'build/waymark')

let workDir, server, baseUrl, context, page

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

async function assertAccessible (what) {
  const violations = await checkAxe(page)
  assert.deepEqual(violations, [], `${what}: axe found serious or critical problems\n${formatViolations(violations)}`)
}

async function signIn (email) {
  await page.context().clearCookies()
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
}

before(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'waymark-register-'))
  const db = path.join(workDir, 'demo.db')
  const demo = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8', timeout: 120_000 })
  assert.equal(demo.status, 0, `waymark demo failed:\n${demo.stdout}\n${demo.stderr}`)
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  let log = ''
  server = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--web-root', path.join(ROOT, 'web')],
    { stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout.on('data', chunk => { log += chunk })
  server.stderr.on('data', chunk => { log += chunk })
  const deadline = Date.now() + 20_000
  for (;;) {
    try { if ((await fetch(`${baseUrl}/healthz`)).ok) break } catch {}
    if (Date.now() > deadline) throw new Error(`waymark serve did not start:\n${log}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  context = await launch()
  page = await firstPage(context)
})

after(async () => {
  if (context) await context.close()
  if (server && server.exitCode === null) server.kill('SIGKILL')
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

test('a teacher takes a register by keyboard; the school sees the N', async () => {
  await signIn('teacher@balance.example')
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
  await assertAccessible('the registers page')
  await Promise.all([page.waitForNavigation(), pmRow.getByRole('link').click()])
  assert.match(page.url(), new RegExp(`/registers/${day}/PM$`))

  // Everyone is present by default.
  const codes = page.locator('input[data-col="code"]')
  assert.equal(await codes.count(), register.rows.length)
  for (const value of await codes.evaluateAll((inputs) => inputs.map((input) => input.value))) assert.equal(value, '\\')
  await assertAccessible('the register grid')

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
  await assertAccessible('the saved register')

  // The commissioning school, the same day.
  await signIn('senco@ashfield.example')
  await page.goto(`${baseUrl}/attendance/daily?date=${day}`)
  const row = page.getByRole('row', { name: new RegExp(absent.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
  await assert.doesNotReject(row.getByText('reason not yet established').waitFor())
  await assertAccessible('the daily attendance summary')
  await Promise.all([page.waitForNavigation(), row.getByRole('link').click()])
  assert.match(page.url(), new RegExp(`/pupils/${absent.pupil_id}/attendance$`))
  await assert.doesNotReject(page.getByText('reason not yet established').first().waitFor())
  await assertAccessible("the pupil's attendance page")
})
