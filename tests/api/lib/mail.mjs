// Mail test support: a real SMTP server on loopback (the smtp-server package) whose behaviour a
// test switches (accept, refuse for now, refuse for good, stall at the end of DATA), and a
// `waymark serve` that a test may SIGKILL and start again on the same database with mail
// settings in its environment.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'
import { BIN, ROOT, DEMO_PASSWORD, freePort } from './server.mjs'

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` (async, truthy when done) until it is or `ms` pass; returns its last value. */
export async function waitFor (check, ms = 15_000, what = 'condition') {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}`)
    await sleep(50)
  }
}

/**
 * The SMTP server. `mode` is 'accept', 'tempfail' (451 at RCPT TO), 'reject' (550 at RCPT TO) or
 * 'stall' (reads DATA, never answers); it applies to mail for `target` when that is set (other
 * mail, such as notices from the demo data, is accepted), else to all. `accepted` holds each
 * message acknowledged with 250: {to, raw, messageId, at}; `attempts` each RCPT TO seen for the
 * target (or all): {to, at}; `stalled` each DATA held: {to, raw, messageId, at}.
 */
export async function startSmtp () {
  const smtp = { mode: 'accept', target: null, accepted: [], attempts: [], stalled: [] }
  const modeFor = (addresses) => (smtp.target === null || addresses.includes(smtp.target)) ? smtp.mode : 'accept'
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo (address, session, callback) {
      const mode = modeFor([address.address])
      if (smtp.target === null || address.address === smtp.target) smtp.attempts.push({ to: address.address, at: Date.now() })
      if (mode === 'tempfail') return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
      if (mode === 'reject') return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }))
      callback()
    },
    onData (stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const messageId = /^Message-ID:\s*(.+?)\r?$/mi.exec(raw)?.[1] ?? null
        const to = session.envelope.rcptTo.map((r) => r.address)
        if (modeFor(to) === 'stall') {
          smtp.stalled.push({ to, raw, messageId, at: Date.now() })
          return // never answered: the sender is stuck until its timeout or its death
        }
        smtp.accepted.push({ to, raw, messageId, at: Date.now() })
        callback()
      })
    }
  })
  server.on('error', () => {})
  smtp.port = await freePort()
  await new Promise((resolve) => server.listen(smtp.port, '127.0.0.1', resolve))
  smtp.url = `smtp://127.0.0.1:${smtp.port}`
  smtp.close = () => new Promise((resolve) => server.close(resolve))
  smtp.withId = (messageId) => smtp.accepted.filter((message) => message.messageId === messageId)
  return smtp
}

/** A fresh demo database in a temp dir: {dir, db, remove()}. */
export function demoDatabase () {
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-mail-'))
  const db = path.join(dir, 'demo.db')
  const seeded = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8', timeout: 120_000 })
  assert.equal(seeded.status, 0, `waymark demo failed: ${seeded.stdout}${seeded.stderr}`)
  return { dir, db, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * `waymark serve` on `db` with `env` added. Resolves once /healthz answers to
 * {base, output(), kill(signal), exited}. `exited` resolves to {code, signal}.
 */
export async function serve (db, env = {}) {
  const port = await freePort()
  const child = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--web-root', path.join(ROOT, 'web')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  let exit = null
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => { exit = { code, signal }; resolve(exit) }))
  const instance = { base: `http://127.0.0.1:${port}`, output: () => output, exited, kill: (signal) => child.kill(signal) }
  await waitFor(async () => {
    if (exit !== null) assert.fail(`waymark serve exited early (${JSON.stringify(exit)}):\n${output}`)
    try { return (await fetch(instance.base + '/healthz')).status === 200 } catch { return false }
  }, 30_000, 'waymark serve to answer /healthz')
  return instance
}

/** An API token for `email` on the server at `base` (it survives restarts: it is in the DB). */
export async function tokenFor (base, email) {
  const session = await fetch(base + '/api/v1/session', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD })
  })
  assert.equal(session.status, 200, `sign-in as ${email} failed`)
  const cookie = /wm_session=([^;]*)/.exec(session.headers.getSetCookie().join('\n'))[1]
  const { csrf_token: csrf } = await session.json()
  const token = await fetch(base + '/api/v1/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `wm_session=${cookie}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'mail tests' })
  })
  assert.equal(token.status, 201)
  return (await token.json()).token
}

/** A JSON call with a bearer token: {status, body}. */
export async function call (base, token, method, urlPath, json) {
  const response = await fetch(base + urlPath, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, text }
}
