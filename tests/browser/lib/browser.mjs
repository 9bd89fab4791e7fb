// Shared helpers for Waymark's browser tests: Debian's Chromium driven by
// playwright-core (never `npx playwright install`: nothing is downloaded), and
// axe-core for WCAG 2.2 AA checks.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)

export const CHROMIUM = process.env.WAYMARK_CHROMIUM || '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps trying to reach
// Google's hosts, which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/**
 * Launch Chromium with a fresh, empty profile in a temp dir.
 * Returns a Playwright BrowserContext (persistent, so the profile dir is ours);
 * `await context.close()` ends Chromium and deletes the profile dir.
 * Extra Playwright context options (viewport, locale, bypassCSP ...) may be passed.
 */
export async function launch (options = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'waymark-chromium-'))
  let context
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timeout: 30_000,
      ...options
    })
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true })
    throw err
  }
  // Chromium may still be writing its profile as 'close' fires: retry, and
  // never let a leftover temp dir fail a test.
  const removeProfile = () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
    } catch {}
  }
  const close = context.close.bind(context)
  context.close = async (...args) => {
    try { await close(...args) } finally { removeProfile() }
  }
  context.on('close', removeProfile)
  return context
}

/** A page in the context: the one Chromium opened at start, else a new one. */
export async function firstPage (context) {
  return context.pages()[0] ?? context.newPage()
}

export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const AXE_PATH = require.resolve('axe-core/axe.min.js')

/**
 * Run axe-core on the page for WCAG 2.2 AA and return the serious and
 * critical violations as plain objects: {id, impact, help, helpUrl, nodes:
 * [{target, html, summary}]}. An empty array means the page passes.
 */
export async function checkAxe (page, { context = 'html' } = {}) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined')
  if (!loaded) {
    try {
      await page.addScriptTag({ path: AXE_PATH })
    } catch (err) {
      // A strict CSP blocks the injected <script>; fall back to evaluating
      // the same source through the DevTools protocol, which CSP does not gate.
    }
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
      const { readFileSync } = await import('node:fs')
      await page.evaluate(readFileSync(AXE_PATH, 'utf8'))
    }
  }
  const violations = await page.evaluate(async ({ context, tags }) => {
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations']
    })
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary }))
    }))
  }, { context, tags: WCAG_22_AA_TAGS })
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
}

/** One line per violation and node, for assertion messages. */
export function formatViolations (violations) {
  return violations.flatMap(v =>
    v.nodes.map(n => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(n.target)}\n    ${n.html}`)
  ).join('\n')
}

/** Fails the test, naming `what` and listing each problem, if checkAxe finds any on the page. */
export async function assertAccessible (page, what) {
  const violations = await checkAxe(page)
  assert.deepEqual(violations, [], `${what}: axe found serious or critical problems\n${formatViolations(violations)}`)
}

// Where the tests leave their screenshots (ignored by git), and the widths they take them at.
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots')
export const DESKTOP = { width: 1280, height: 800 }
export const TABLET = { width: 768, height: 1024 }

/**
 * Full-page screenshots of the page at desktop and tablet widths, as
 * SCREENSHOTS/`name`-desktop.png and -tablet.png; leaves the page at desktop width.
 */
export async function screenshotWidths (page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const [label, viewport] of [['desktop', DESKTOP], ['tablet', TABLET]]) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true })
  }
  await page.setViewportSize(DESKTOP)
}
