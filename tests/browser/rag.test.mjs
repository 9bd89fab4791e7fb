// The weekly RAG in a real browser: a Balance teacher opens this week's RAG page, tries an
// override without a reason (the error names the pupil), gives the reason, confirms the week, and
// sees every pupil confirmed; the pupil's RAG page, the weekly updates page and the action plans
// page pass axe; the Ashfield SENCo sees the updates sent to the school.
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
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
}

before(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'waymark-rag-'))
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

test('a teacher confirms the week with one override and its reason', async () => {
  await signIn('teacher@balance.example')
  await page.getByRole('link', { name: 'Weekly RAG', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Weekly RAG' }).waitFor()
  await assertAccessible('weekly RAG')

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
  await assertAccessible('weekly RAG with an error')

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
  await assertAccessible('pupil RAG history')

  await page.goto(`${baseUrl}/rag/updates`)
  await page.getByRole('heading', { level: 1, name: 'Weekly updates' }).waitFor()
  await assertAccessible('weekly updates (provider)')
  await page.goto(`${baseUrl}/action-plans`)
  await page.getByRole('heading', { level: 1, name: 'Action plans' }).waitFor()
  await assertAccessible('action plans')
})

test('the commissioning school sees the updates sent to it', async () => {
  await signIn('senco@ashfield.example')
  await page.getByRole('link', { name: 'Updates', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Weekly updates' }).waitFor()
  assert.ok(await page.locator('section').count() >= 1, 'the demo sent earlier weeks')
  assert.equal(await page.getByText('Not sent').count(), 0)
  await assertAccessible('weekly updates (school)')
})
