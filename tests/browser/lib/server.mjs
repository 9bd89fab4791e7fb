// A real `waymark serve` for the browser tests, over a fresh demo database in a temp dir.
// Needs WAYMARK_BIN (the built binary) and WAYMARK_ROOT (the repository), as the API suites do.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { BIN, ROOT, freePort } from '../../api/lib/server.mjs'

/**
 * Seeds a demo database (`waymark demo`) in a new temp dir named after `name` and starts
 * `waymark serve` on it on a free loopback port. Resolves once /healthz answers (within 20 s);
 * fails if seeding fails, or if the server exits or stays silent first, leaving nothing behind.
 * Resolves to {baseUrl, log(), kill(signal), exited, stop()}: `log()` is everything the server
 * has written so far, `exited` resolves to its {code, signal}, and `stop()` kills it (SIGKILL, if
 * it is still running) and removes the temp dir.
 */
export async function startDemoServer (name = 'browser') {
  const workDir = mkdtempSync(path.join(tmpdir(), `waymark-${name}-`))
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true })
  const db = path.join(workDir, 'demo.db')
  const demo = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8', timeout: 120_000 })
  if (demo.status !== 0) removeWorkDir()
  assert.equal(demo.status, 0, `waymark demo failed:\n${demo.stdout}\n${demo.stderr}`)

  const port = await freePort()
  const child = spawn(BIN, ['serve', '--db', db, '--port', String(port), '--web-root', path.join(ROOT, 'web')],
    { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', chunk => { log += chunk })
  child.stderr.on('data', chunk => { log += chunk })
  const exited = new Promise(resolve => child.on('exit', (code, signal) => resolve({ code, signal })))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
    removeWorkDir()
  }
  const server = { baseUrl: `http://127.0.0.1:${port}`, log: () => log, kill: signal => child.kill(signal), exited, stop }

  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`waymark serve exited early:\n${log}`)
    }
    try { if ((await fetch(`${server.baseUrl}/healthz`)).ok) return server } catch {}
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`waymark serve did not answer /healthz in 20 s:\n${log}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}
