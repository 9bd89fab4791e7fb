// The dashboards in a real browser: a provider head and a school senco each sign in, land on the
// dashboard, see their cards (and the school its attendance chart, an <svg role="img">), and
// follow a card's link. axe checks every page.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launch, checkAxe, formatViolations } from './lib/browser.mjs'

const PASSWORD = 'waymark-demo-2025'
const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = process.env.WAYMARK_ROOT || path.resolve(HERE, '../..')
const BIN = process.env.WAYMARK_BIN || path.join(ROOT, 'build/waymark')

let workDir, server, baseUrl, context

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

async function assertAccessible (page, what) {
  const violations = await checkAxe(page)
  assert.deepEqual(violations, [], `${what}: axe found serious or critical problems\n${formatViolations(violations)}`)
}

// Signs in from the sign-in page itself (no `next`), so the default landing page is what we see.
async function signIn (email) {
  const page = await context.newPage()
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign in' }).click()])
  assert.equal(new URL(page.url()).pathname, '/dashboard')
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
  return page
}

before(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'waymark-dashboard-'))
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
})

after(async () => {
  if (context) await context.close()
  if (server && server.exitCode === null) server.kill('SIGKILL')
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

test('a provider head lands on the dashboard and follows the RAG card to the week\'s RAGs', async () => {
  const page = await signIn('head@balance.example')
  await assertAccessible(page, 'provider dashboard')
  for (const key of ['registers_not_taken', 'calls_due', 'calls_unassigned', 'rags_to_confirm', 'deteriorating_pupils']) {
    assert.equal(await page.locator(`[data-card="${key}"]`).count(), 1, key)
  }
  assert.equal(await page.locator('[data-card="attendance_this_week"]').count(), 0)
  await Promise.all([page.waitForNavigation(),
    page.locator('[data-card="rags_to_confirm"]').getByRole('link', { name: /RAGs to confirm/ }).click()])
  assert.equal(new URL(page.url()).pathname, '/rag')
  await assertAccessible(page, 'RAG page from the dashboard')
  await page.close()
})

test('a school senco lands on the dashboard, sees the attendance chart and opens a pupil', async () => {
  const page = await signIn('senco@ashfield.example')
  await assertAccessible(page, 'school dashboard')
  for (const key of ['attendance_this_week', 'latest_rag', 'deteriorating_pupils', 'notifications']) {
    assert.equal(await page.locator(`[data-card="${key}"]`).count(), 1, key)
  }
  await page.getByRole('heading', { level: 2, name: /Attendance of your pupils by day/ }).waitFor()
  assert.ok(await page.locator('figure svg[role="img"]').count() >= 1, 'the attendance chart')
  const link = page.locator('[data-card="latest_rag"] ul a').first()
  const href = await link.getAttribute('href')
  assert.match(href, /^\/pupils\/\d+\/rag$/)
  await Promise.all([page.waitForNavigation(), link.click()])
  assert.equal(new URL(page.url()).pathname, href)
  await assertAccessible(page, 'pupil RAG page from the dashboard')
  await page.close()
})
