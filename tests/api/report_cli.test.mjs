// `waymark report feedback-forms --db DB --due --out DIR` on a demo database: every form the due
// list shows (as GET /api/v1/feedback-forms/due has it) is written to
// DIR/<provider-id>/<pupil-id>-<period>.pdf, with the pupil's name inside the PDF (pdftotext) and
// never in the file name; progress goes to stderr as "N/M" lines when stderr is not a terminal;
// a form not started gets its draft; and every usage error exits non-zero with a clear message.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startServer, assertStatus, BIN, USERS } from './lib/server.mjs'

function report (args) {
  return spawnSync(BIN, ['report', 'feedback-forms', ...args], { encoding: 'utf8', timeout: 120_000 })
}

function pdfText (file) {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  assert.equal(run.status, 0, `pdftotext failed: ${run.stderr}`)
  return run.stdout
}

// The due forms of a provider, once each, from its head's due list.
async function dueAt (client) {
  const answer = assertStatus(await client.get('/api/v1/feedback-forms/due'), 200)
  const byKey = new Map()
  for (const member of answer.items) {
    for (const form of member.forms) byKey.set(`${form.pupil_id}-${form.period.number}`, form)
  }
  return [...byKey.values()]
}

describe('waymark report feedback-forms', () => {
  let server, orgs, balance, bridges, out

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    balance = await server.as(USERS.balanceHead)
    bridges = await server.as(USERS.bridgesAdmin)
    out = path.join(server.dir, 'forms')
  })
  after(async () => { await server?.stop() })

  test('writes every due form at every provider, with the pupil named inside and not in the file name', async () => {
    const due = { [orgs.balance.id]: await dueAt(balance), [orgs.bridges.id]: await dueAt(bridges) }
    const total = due[orgs.balance.id].length + due[orgs.bridges.id].length
    assert.ok(due[orgs.balance.id].length > 0, 'the demo has forms due at Balance')
    const notStarted = [...due[orgs.balance.id], ...due[orgs.bridges.id]].filter((form) => form.form_id === null).length
    assert.ok(notStarted > 0, 'the demo leaves some forms not started')

    const run = report(['--db', server.db, '--due', '--out', out])
    assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`)
    // Not a terminal: one plain "N/M" line per form, ending at M/M.
    const lines = run.stderr.trim().split('\n')
    assert.equal(lines.length, total, run.stderr)
    assert.deepEqual(lines, Array.from({ length: total }, (_, index) => `${index + 1}/${total}`))
    assert.match(run.stdout, new RegExp(`^${total} of ${total} due feedback forms written to .* \\(${notStarted} drafts started\\)\\n$`))

    for (const [providerId, forms] of Object.entries(due)) {
      const folder = path.join(out, String(providerId))
      const files = forms.length > 0 ? readdirSync(folder).sort() : []
      assert.deepEqual(files, forms.map((form) => `${form.pupil_id}-${form.period.number}.pdf`).sort())
      for (const form of forms) {
        const surname = form.pupil_name.split(' ').at(-1)
        assert.ok(!files.some((file) => file.includes(surname)), `no name in file names (${surname})`)
      }
    }

    // Inside: the provider, the pupil, the period, and attendance printed once.
    const form = due[orgs.balance.id][0]
    const text = pdfText(path.join(out, String(orgs.balance.id), `${form.pupil_id}-${form.period.number}.pdf`))
    const squeezed = text.replace(/\s+/g, ' ')
    assert.ok(squeezed.includes(orgs.balance.name), squeezed)
    assert.ok(squeezed.includes(form.pupil_name), `the PDF names ${form.pupil_name}: ${squeezed}`)
    // The demo's registers cover every period, so the rate is printed, once.
    assert.match(squeezed, /Attendance in this period: \d{1,3}%/)
    assert.ok(!/Attendance:\s*Attendance/.test(squeezed), 'the attendance label is not doubled')

    // The forms not started now have drafts, which the due list shows.
    const after = [...await dueAt(balance), ...await dueAt(bridges)]
    assert.equal(after.length, total)
    assert.ok(after.every((item) => item.form_id !== null && item.status !== null), JSON.stringify(after))

    // Again: nothing new is started, the same files are written.
    const again = report(['--db', server.db, '--due', '--out', out])
    assert.equal(again.status, 0, again.stderr)
    assert.match(again.stdout, /\(0 drafts started\)/)
  })

  test('a draft the teacher wrote is drawn as it stands', async () => {
    const form = (await dueAt(balance)).find((item) => item.form_id !== null)
    const comment = `Written for the report test ${process.pid}`
    const current = assertStatus(await balance.get(`/api/v1/feedback-forms/${form.form_id}`), 200)
    assertStatus(await balance.patch(`/api/v1/feedback-forms/${form.form_id}`, { comment, updated_at: current.updated_at }), 200)
    const run = report(['--db', server.db, '--due', '--out', out])
    assert.equal(run.status, 0, run.stderr)
    const text = pdfText(path.join(out, String(orgs.balance.id), `${form.pupil_id}-${form.period.number}.pdf`))
    assert.ok(text.replace(/\s+/g, ' ').includes(comment), text)
  })

  test('says what is wrong and exits non-zero: no --out, no --due, no such database, a folder it cannot write', () => {
    const noOut = report(['--db', server.db, '--due'])
    assert.notEqual(noOut.status, 0)
    assert.match(noOut.stderr + noOut.stdout, /--out/)

    const noDue = report(['--db', server.db, '--out', out])
    assert.equal(noDue.status, 1)
    assert.match(noDue.stderr, /--due/)

    const missing = path.join(server.dir, 'no-such.db')
    const unknown = report(['--db', missing, '--due', '--out', out])
    assert.equal(unknown.status, 1)
    assert.match(unknown.stderr, /--db: no database at .*no-such\.db/)
    assert.ok(!existsSync(missing), 'a mistyped database path is not created')

    const file = path.join(server.dir, 'a-file')
    writeFileSync(file, 'not a folder')
    for (const bad of [file, path.join(file, 'below')]) {
      const unwritable = report(['--db', server.db, '--due', '--out', bad])
      assert.equal(unwritable.status, 1, unwritable.stderr)
      assert.match(unwritable.stderr, /--out: .* (is not a folder|cannot be written)/)
      assert.equal(unwritable.stdout, '')
    }
  })
})
