// Shared helpers for the JSON API suites: a real `waymark serve` on a free loopback port over a
// fresh demo database, signing in (cookie + CSRF token, or a bearer API token), and small
// builders for valid test data. Needs WAYMARK_BIN (the built binary) and WAYMARK_ROOT (the repo).
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = process.env.WAYMARK_ROOT || path.resolve(HERE, '../../..')
export const BIN = process.env.WAYMARK_BIN || path.join(ROOT, 'build/waymark')

// The demo users' shared password (src/app/demo.cpp, demo_logins()).
export const DEMO_PASSWORD = process.env.WAYMARK_DEMO_PASSWORD || 'waymark-demo-2025'

// Demo users (src/app/demo.cpp). Balance and Bridges are AP providers, Ashfield a school and
// Northbrook the local authority.
export const USERS = {
  balanceHead: 'head@balance.example',
  balanceAdmin: 'admin@balance.example',
  balanceTeacher: 'teacher@balance.example',
  balanceAuditor: 'auditor@balance.example',
  bridgesAdmin: 'admin@bridges.example',
  ashfieldSenco: 'senco@ashfield.example', // school commissioner
  ashfieldAdmin: 'admin@ashfield.example',
  northbrookOfficer: 'officer@northbrook.example', // LA commissioner
  northbrookAdmin: 'admin@northbrook.example'
}

/** A free TCP port on 127.0.0.1 (the OS picks it; released before the server binds it). */
export function freePort () {
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Seeds a demo database in a temp dir and starts `waymark serve` on it. Resolves once /healthz
 * answers. Call `stop()` when done: it SIGTERMs the server, asserts a clean exit (code 0) and
 * removes the temp dir.
 */
export async function startServer () {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-api-'))
  const db = path.join(dir, 'demo.db')
  const seeded = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8', timeout: 120_000 })
  if (seeded.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`waymark demo failed (${seeded.status}): ${seeded.stdout}${seeded.stderr}${seeded.error ?? ''}`)
  }
  const port = await freePort()
  const child = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--web-root', path.join(ROOT, 'web')], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  let exit = null
  exited.then((result) => { exit = result })

  const server = new Server(`http://127.0.0.1:${port}`, dir, db)
  server.output = () => output
  server.stop = async () => {
    if (exit === null) child.kill('SIGTERM')
    let timer
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(null), 30_000) })
    const result = await Promise.race([exited, timeout])
    clearTimeout(timer)
    if (result === null) child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    assert.ok(result, `waymark serve did not stop within 30 s after SIGTERM\n${output}`)
    assert.equal(result.code, 0, `waymark serve exited with ${JSON.stringify(result)}\n${output}`)
  }

  const deadline = Date.now() + 30_000
  for (;;) {
    if (exit !== null) {
      rmSync(dir, { recursive: true, force: true })
      throw new Error(`waymark serve exited early (${JSON.stringify(exit)}):\n${output}`)
    }
    try {
      const health = await fetch(server.base + '/healthz')
      if (health.status === 200) break
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
      throw new Error(`waymark serve did not answer /healthz within 30 s:\n${output}`)
    }
    await sleep(50)
  }
  return server
}

/**
 * One answer: status, headers, the raw text and, when it is JSON, the parsed body.
 * @typedef {{status: number, headers: Headers, text: string, body: any}} Answer
 */

class Server {
  constructor (base, dir, db) {
    this.base = base
    this.dir = dir
    this.db = db
    this.tokens = new Map() // email -> bearer token, created once per server
    this.sessions = new Map() // email -> {cookie, csrf, userId}
  }

  /**
   * A request. `auth` is {bearer}, {cookie, csrf} (csrf sent as X-CSRF-Token unless null), or
   * absent. `json` is sent as an application/json body; `body` (with `contentType`) as is.
   * @returns {Promise<Answer>}
   */
  async request (method, urlPath, { auth, json, body, contentType, headers = {} } = {}) {
    const sent = { ...headers }
    if (auth?.bearer) sent.authorization = `Bearer ${auth.bearer}`
    if (auth?.cookie) {
      sent.cookie = `wm_session=${auth.cookie}`
      if (auth.csrf) sent['x-csrf-token'] = auth.csrf
    }
    if (json !== undefined) {
      body = JSON.stringify(json)
      contentType ??= 'application/json'
    }
    if (contentType) sent['content-type'] = contentType
    const response = await fetch(this.base + urlPath, { method, headers: sent, body, redirect: 'manual' })
    const text = await response.text()
    let parsed = null
    if ((response.headers.get('content-type') || '').startsWith('application/json') && text) parsed = JSON.parse(text)
    return { status: response.status, headers: response.headers, text, body: parsed }
  }

  /** POST /api/v1/session. Resolves to {cookie, csrf, userId, answer}; cookie null when it failed. */
  async signIn (email, password = DEMO_PASSWORD) {
    const answer = await this.request('POST', '/api/v1/session', { json: { email, password } })
    let cookie = null
    for (const line of answer.headers.getSetCookie()) {
      const match = /^wm_session=([^;]*)/.exec(line)
      if (match && match[1]) cookie = match[1]
    }
    return { cookie, csrf: answer.body?.csrf_token ?? null, userId: answer.body?.user_id ?? null, answer }
  }

  /** A fresh session for `email` (throws unless sign-in succeeds): {cookie, csrf, userId}. */
  async login (email, password = DEMO_PASSWORD) {
    const session = await this.signIn(email, password)
    assert.equal(session.answer.status, 200, `sign-in as ${email} failed: ${session.answer.text}`)
    assert.ok(session.cookie, `no wm_session cookie for ${email}`)
    return { cookie: session.cookie, csrf: session.csrf, userId: session.userId }
  }

  /** A new API token for `email` (signs in and POSTs /api/v1/tokens): the "wm_..." string. */
  async createToken (email, name = 'api tests', password = DEMO_PASSWORD) {
    const session = await this.login(email, password)
    const answer = await this.request('POST', '/api/v1/tokens', { auth: session, json: { name } })
    assert.equal(answer.status, 201, `creating a token for ${email} failed: ${answer.text}`)
    return answer.body.token
  }

  /** A client for `email` using a bearer token made once per server and kept. */
  async as (email) {
    if (!this.tokens.has(email)) this.tokens.set(email, await this.createToken(email))
    return this.client({ bearer: this.tokens.get(email) })
  }

  /** A client for `email` signed in with a new session cookie (and its CSRF token). */
  async withCookie (email, password = DEMO_PASSWORD) {
    return this.client(await this.login(email, password))
  }

  /** Methods bound to one set of credentials (`auth` may be undefined for none). */
  client (auth) {
    const call = (method) => (urlPath, options = {}) => this.request(method, urlPath, { auth, ...options })
    return {
      auth,
      get: call('GET'),
      post: (urlPath, json, options = {}) => this.request('POST', urlPath, { auth, json, ...options }),
      patch: (urlPath, json, options = {}) => this.request('PATCH', urlPath, { auth, json, ...options }),
      put: (urlPath, json, options = {}) => this.request('PUT', urlPath, { auth, json, ...options }),
      delete: call('DELETE'),
      raw: (method, urlPath, options = {}) => this.request(method, urlPath, { auth, ...options })
    }
  }

  /** The organisations by name fragment: {balance, bridges, ashfield, northbrook, schools, ...}. */
  async organisations () {
    if (this.orgs) return this.orgs
    const client = await this.as(USERS.balanceAdmin)
    const answer = await client.get('/api/v1/organisations')
    assert.equal(answer.status, 200, answer.text)
    const all = answer.body.items
    const named = (word) => {
      const found = all.filter((org) => org.name.toLowerCase().includes(word))
      assert.equal(found.length, 1, `expected one organisation named like "${word}", got ${JSON.stringify(found.map((o) => o.name))}`)
      return found[0]
    }
    this.orgs = {
      all,
      balance: named('balance'),
      bridges: named('bridges'),
      ashfield: named('ashfield'),
      northbrook: named('northbrook'),
      schools: all.filter((org) => org.kind === 'school'),
      providers: all.filter((org) => org.kind === 'provider')
    }
    return this.orgs
  }
}

/**
 * Asserts an error answer: the status, the kind, and (for invalid) that `field` is among
 * error.fields. Returns the error object.
 */
export function assertError (answer, status, kind, field) {
  assert.equal(answer.status, status, `expected ${status} ${kind}${field ? ` on ${field}` : ''}, got ${answer.status}: ${answer.text}`)
  assert.ok(answer.body && answer.body.error, `expected a JSON error body, got: ${answer.text}`)
  const error = answer.body.error
  assert.equal(error.kind, kind, answer.text)
  assert.equal(typeof error.message, 'string')
  assert.ok(error.message.length > 0)
  assert.ok(Array.isArray(error.fields), answer.text)
  if (field !== undefined) {
    const fields = error.fields.map((entry) => entry.field)
    assert.ok(fields.includes(field), `expected field "${field}" among ${JSON.stringify(fields)}: ${answer.text}`)
    for (const entry of error.fields) assert.equal(typeof entry.reason, 'string')
  }
  return error
}

/** Asserts a 2xx (or the given) status with a helpful message. */
export function assertStatus (answer, status) {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`)
  return answer.body
}

// Test data. ---------------------------------------------------------------------------------

/** Today's date in Europe/London as "YYYY-MM-DD" (the server's idea of today). */
export function today () {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
}

/** The calendar year the current academic year started in (September to August). */
export function academicYearStart () {
  const [year, month] = today().split('-').map(Number)
  return month >= 9 ? year : year - 1
}

/** A date of birth that puts a pupil in Year `ncYear` this academic year. */
export function dobForYear (ncYear = 9) {
  return `${academicYearStart() - ncYear - 5}-11-15`
}

const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** The DfE check letter for characters 2-13 of a UPN (as src/core/upn.cpp computes it). */
export function upnCheckLetter (last12) {
  let sum = 0
  for (let index = 0; index < 12; index++) {
    const character = last12[index]
    const value = /[0-9]/.test(character) ? Number(character) : CHECK_ALPHABET.indexOf(character)
    sum += value * (index + 2)
  }
  return CHECK_ALPHABET[sum % 23]
}

let upnSerial = 0
// A random establishment number per process keeps test UPNs clear of the demo data's.
const upnEstablishment = String(9000 + Math.floor(Math.random() * 1000))

/** A new valid permanent UPN (LA 801), different on every call. */
export function newUpn () {
  upnSerial += 1
  const last12 = `801${upnEstablishment}${String(24 + Math.floor(upnSerial / 1000)).padStart(2, '0')}${String(upnSerial % 1000).padStart(3, '0')}`
  return upnCheckLetter(last12) + last12
}

/** A UPN that fails only its check letter. */
export function badUpn () {
  const good = newUpn()
  const wrong = CHECK_ALPHABET[(CHECK_ALPHABET.indexOf(good[0]) + 1) % 23]
  return wrong + good.slice(1)
}

let nameSerial = 0
/** A pupil body for POST /api/v1/pupils, unique names and UPN; `extra` overrides. */
export function newPupil (extra = {}) {
  nameSerial += 1
  return {
    upn: newUpn(),
    legal_forename: `Testpupil${nameSerial}`,
    legal_surname: `Apisuite${process.pid}x${nameSerial}`,
    dob: dobForYear(9),
    sex: 'F',
    ...extra
  }
}
