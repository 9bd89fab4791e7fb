// Self-test of tests/browser/lib/browser.mjs: serve a page in the shape of
// web/templates/layout.mustache (with the built CSS and JS from web/static/)
// on 127.0.0.1 under a strict CSP, load it in Debian's Chromium, screenshot
// it at desktop and tablet widths, and require no serious/critical WCAG 2.2
// AA violations. Needs scripts/build-frontend.sh to have run.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  launch, firstPage, checkAxe, formatViolations, assertAccessible, screenshotWidths, SCREENSHOTS, DESKTOP
} from './lib/browser.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../..')
const STATIC = path.join(ROOT, 'web/static')
const SHOTS = path.join(HERE, 'screenshots')

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

const PAGE = `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
  <head>
    <meta charset="utf-8">
    <title>Pupils – Waymark</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
    <link rel="stylesheet" href="/static/css/waymark.css">
    <script type="module" src="/static/js/init.js"></script>
    <meta name="htmx-config" content='{"includeIndicatorStyles":false}'>
    <script defer src="/static/vendor/htmx.min.js"></script>
  </head>
  <body class="govuk-template__body">
    <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
    <header class="govuk-template__header">
      <div class="govuk-generic-header wm-header">
        <div class="govuk-generic-header__container govuk-width-container">
          <div class="govuk-generic-header__logo"><a href="/" class="govuk-generic-header__homepage-link">Waymark</a></div>
        </div>
      </div>
      <div class="govuk-service-navigation" data-module="govuk-service-navigation">
        <div class="govuk-width-container govuk-service-navigation__inlining-container">
          <div class="govuk-service-navigation__container">
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
              <ul class="govuk-service-navigation__list" id="navigation">
                <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/">Dashboard</a></li>
                <li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="/pupils" aria-current="page"><strong class="govuk-service-navigation__active-fallback">Pupils</strong></a></li>
                <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/reports">Reports</a></li>
              </ul>
            </nav>
          </div>
          <div class="wm-account">
            <span class="govuk-visually-hidden">Signed in as</span>
            <span class="wm-account__name">Sam Teacher</span>
            <span class="wm-account__organisation">Riverside AP Academy</span>
            <form class="wm-account__form" method="post" action="/logout">
              <input type="hidden" name="csrf_token" value="t0k3n">
              <button type="submit" class="wm-link-button">Sign out</button>
            </form>
          </div>
        </div>
      </div>
    </header>
    <div class="govuk-width-container">
      <div class="govuk-phase-banner"><p class="govuk-phase-banner__content"><strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong><span class="govuk-phase-banner__text">This is a new service.</span></p></div>
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">There is a problem</h2>
            <div class="govuk-error-summary__body">
              <ul class="govuk-list govuk-error-summary__list"><li><a href="#search">Enter a name or UPN</a></li></ul>
            </div>
          </div>
        </div>
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">
          <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Success</h2></div>
          <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Assessment saved</p></div>
        </div>
        <h1 class="govuk-heading-l">Pupils</h1>
        <ul class="wm-summary-cards">
          <li class="wm-summary-card"><p class="wm-summary-card__value">42</p><p class="wm-summary-card__label">Pupils on roll</p></li>
          <li class="wm-summary-card"><p class="wm-summary-card__value">87%</p><p class="wm-summary-card__label">Attendance this term</p></li>
          <li class="wm-summary-card"><p class="wm-summary-card__value">6</p><p class="wm-summary-card__label">Assessments due</p><a class="govuk-link wm-summary-card__link" href="/due">View due assessments</a></li>
        </ul>
        <div class="wm-filters-layout">
          <div class="wm-filters">
            <h2 class="wm-filters__heading">Filter pupils</h2>
            <form method="get" action="/pupils" novalidate>
              <div class="wm-filters__fields">
                <div class="govuk-form-group govuk-form-group--error">
                  <label class="govuk-label" for="search">Name or UPN</label>
                  <p id="search-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a name or UPN</p>
                  <input class="govuk-input govuk-input--error" id="search" name="q" type="text" aria-describedby="search-error">
                </div>
                <div class="govuk-form-group">
                  <label class="govuk-label" for="year">Year group</label>
                  <select class="govuk-select" id="year" name="year"><option value="">Any</option><option>Year 9</option><option>Year 10</option></select>
                </div>
              </div>
              <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
            </form>
          </div>
          <div class="wm-results">
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--m">3 pupils</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Year</th><th scope="col" class="govuk-table__header">Flags</th></tr></thead>
              <tbody class="govuk-table__body">
                <tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/pupils/1">Alex Example</a></td><td class="govuk-table__cell">10</td><td class="govuk-table__cell"><ul class="wm-flags"><li><strong class="govuk-tag govuk-tag--teal">SEND</strong></li><li><strong class="govuk-tag govuk-tag--purple">LAC</strong></li></ul></td></tr>
                <tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/pupils/2">Bo Sample</a></td><td class="govuk-table__cell">9</td><td class="govuk-table__cell"><ul class="wm-flags"><li><strong class="govuk-tag govuk-tag--orange">FSM</strong></li></ul></td></tr>
              </tbody>
            </table>
            <table class="govuk-table wm-audit-diff">
              <caption class="govuk-table__caption govuk-table__caption--m">Changes</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Field</th><th scope="col" class="govuk-table__header">Before</th><th scope="col" class="govuk-table__header">After</th></tr></thead>
              <tbody class="govuk-table__body">
                <tr class="govuk-table__row"><th scope="row" class="govuk-table__header wm-audit-diff__field">Reading</th><td class="govuk-table__cell wm-audit-diff__old"><span class="govuk-visually-hidden">Before: </span><del>Working towards</del></td><td class="govuk-table__cell wm-audit-diff__new"><span class="govuk-visually-hidden">After: </span><ins>Expected</ins></td></tr>
              </tbody>
            </table>
          </div>
        </div>
      </main>
    </div>
    <footer class="govuk-template__footer">
      <div class="govuk-footer"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <p class="govuk-body-s govuk-!-margin-bottom-0">Waymark – pupil assessment and tracking for alternative provision.</p>
      </div></div></div></div>
    </footer>
  </body>
</html>
`

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.map': 'application/json' }

let server, origin, docRoot, context

before(async () => {
  assert.ok(existsSync(path.join(STATIC, 'css/waymark.css')), 'web/static/css/waymark.css missing: run scripts/build-frontend.sh')
  docRoot = mkdtempSync(path.join(tmpdir(), 'waymark-selftest-'))
  writeFileSync(path.join(docRoot, 'index.html'), PAGE)
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    if (url.pathname === '/favicon.ico') { res.writeHead(204).end(); return }
    const file = url.pathname === '/'
      ? path.join(docRoot, 'index.html')
      : url.pathname.startsWith('/static/') ? path.join(STATIC, url.pathname.slice('/static/'.length)) : null
    if (!file || !path.resolve(file).startsWith(path.resolve(file === path.join(docRoot, 'index.html') ? docRoot : STATIC)) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP })
    res.end(readFileSync(file))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${server.address().port}`
  context = await launch()
})

after(async () => {
  await context?.close()
  await new Promise(resolve => server?.close(resolve) ?? resolve())
  if (docRoot) rmSync(docRoot, { recursive: true, force: true })
})

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['tablet', { width: 768, height: 1024 }]]) {
  test(`layout-shaped page at ${name} width: loads, screenshots, no serious/critical axe violations`, async () => {
    const page = await firstPage(context)
    await page.setViewportSize(viewport)
    const problems = []
    const offHost = []
    page.on('console', msg => { if (msg.type() === 'error') problems.push(msg.text()) })
    page.on('pageerror', err => problems.push(String(err)))
    page.on('request', req => { if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) offHost.push(req.url()) })

    const response = await page.goto(origin + '/', { waitUntil: 'load' })
    assert.equal(response.status(), 200)
    assert.equal(await page.title(), 'Pupils – Waymark')
    // init.js ran (as a module, under the CSP) and govuk-frontend initialised.
    await page.waitForFunction(() => document.body.classList.contains('govuk-frontend-supported'))
    assert.equal(await page.evaluate(() => typeof window.htmx), 'object', 'htmx loaded')
    // Our brand and font, not GOV.UK's.
    const header = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.wm-header'))
      return { bg: s.backgroundColor, font: getComputedStyle(document.body).fontFamily }
    })
    assert.equal(header.bg, 'rgb(0, 87, 75)')
    assert.doesNotMatch(header.font, /GDS Transport/)

    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, `lib_selftest-${name}.png`), fullPage: true })

    // Before axe: its injected <script> is itself blocked by the CSP (and logged).
    assert.deepEqual(problems, [], 'console errors')
    assert.deepEqual(offHost, [], 'requests left 127.0.0.1')

    const violations = await checkAxe(page)
    assert.deepEqual(violations, [], formatViolations(violations))
    page.removeAllListeners('console'); page.removeAllListeners('pageerror'); page.removeAllListeners('request')
  })
}

test('checkAxe reports a real violation (so a pass means something)', async () => {
  const page = await firstPage(context)
  await page.goto(origin + '/', { waitUntil: 'load' })
  await page.evaluate(() => { document.querySelector('#search').removeAttribute('id') }) // orphan the label
  await page.evaluate(() => { document.querySelector('label[for=search]').remove() })
  const violations = await checkAxe(page)
  assert.ok(violations.some(v => v.id === 'label'), formatViolations(violations) || 'no violations found')
})

test('assertAccessible fails naming the page and the problem; screenshotWidths takes both widths', async () => {
  const page = await firstPage(context)
  await page.goto(origin + '/', { waitUntil: 'load' })
  await assertAccessible(page, 'the layout-shaped page')

  const started = Date.now()
  await screenshotWidths(page, 'lib_selftest-widths')
  for (const label of ['desktop', 'tablet']) {
    const shot = path.join(SCREENSHOTS, `lib_selftest-widths-${label}.png`)
    assert.ok(statSync(shot).mtimeMs >= started - 1000, `${shot} written`)
  }
  assert.deepEqual(page.viewportSize(), DESKTOP, 'left at desktop width')

  await page.evaluate(() => { document.querySelector('label[for=search]').remove() })
  await assert.rejects(assertAccessible(page, 'the page without its label'),
    err => err instanceof assert.AssertionError && /^the page without its label: axe found/.test(err.message) && /\blabel\b/.test(err.message))
})
