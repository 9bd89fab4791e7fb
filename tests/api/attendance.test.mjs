// Attendance: the DfE codes, taking a provider's register (present by default in the grid; the
// API saves what it is sent, whole or not at all), every rejection, the N alert raised once, the
// commissioning school seeing the marks the same day, another school's pupil answering 404, the
// daily summary (JSON and CSV) and the `waymark export attendance` CLI's columns.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { startServer, assertError, assertStatus, USERS, BIN } from './lib/server.mjs'

describe('attendance', () => {
  let server, orgs, teacher, auditor, senco, kingsway
  let day // the latest school day with Balance's PM register not yet taken (the demo leaves it)
  let rows // that register's rows
  let absent, late // on that register: a pupil Ashfield placed at Balance, and another

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    teacher = await server.as(USERS.balanceTeacher)
    auditor = await server.as(USERS.balanceAuditor)
    senco = await server.as(USERS.ashfieldSenco)
    kingsway = await server.as('senco@kingsway.example')
    const date = new Date()
    for (let back = 0; back < 21 && !day; back++, date.setDate(date.getDate() - 1)) {
      const iso = date.toISOString().slice(0, 10)
      const list = assertStatus(await teacher.get(`/api/v1/registers?date=${iso}`), 200).items
      const pm = list.find((item) => item.session === 'PM')
      if (pm.expected > 0 && !pm.taken) day = iso
    }
    assert.ok(day, 'the demo leaves a PM register to take')
    rows = assertStatus(await teacher.get(`/api/v1/registers/${day}/PM`), 200).rows
    absent = rows.find((row) => row.commissioner_id === orgs.ashfield.id)
    assert.ok(absent, 'an Ashfield pupil on the register')
    late = rows.find((row) => row.pupil_id !== absent.pupil_id)
    assert.ok(late, 'a second pupil on the register')
  })
  after(async () => { await server?.stop() })

  test('the DfE codes are data with meaning, category and validity', async () => {
    const all = assertStatus(await teacher.get('/api/v1/attendance-codes'), 200).items
    const n = all.find((code) => code.code === 'N')
    assert.equal(n.category, 'unauthorised')
    assert.equal(n.meaning, 'reason not yet established')
    assert.ok(all.some((code) => code.code === 'J' && code.valid_to === '2024-08-18'))
    const now = assertStatus(await teacher.get(`/api/v1/attendance-codes?date=${day}`), 200).items
    assert.ok(!now.some((code) => code.code === 'J'), 'J was withdrawn')
    assert.ok(now.some((code) => code.code === 'J1'))
    assertError(await teacher.get('/api/v1/attendance-codes?date=soon'), 422, 'invalid', 'date')
  })

  test('the registers list marks the PM register not taken; schools may not take registers', async () => {
    const list = assertStatus(await teacher.get(`/api/v1/registers?date=${day}`), 200).items
    assert.deepEqual(list.map((item) => item.session), ['AM', 'PM'])
    assert.equal(list[1].taken, false)
    assert.equal(list[1].marked, 0)
    assertError(await senco.get(`/api/v1/registers?date=${day}`), 403, 'forbidden')
    assertError(await senco.get(`/api/v1/registers/${day}/PM`), 403, 'forbidden')
    assertError(await teacher.get(`/api/v1/registers/${day}/EVENING`), 404, 'not_found')
  })

  test('422 for bad input, nothing written; 403 for an auditor', async () => {
    const bad = await teacher.put(`/api/v1/registers/${day}/PM`, {
      marks: [{ pupil_id: absent.pupil_id, code: 'QQ' }, { pupil_id: late.pupil_id, code: 'L' }]
    })
    const error = assertError(bad, 422, 'invalid')
    assert.deepEqual(error.fields.map((field) => field.field), ['marks[0].code', 'marks[1].minutes_late'])
    assertError(await teacher.put(`/api/v1/registers/${day}/PM`, { marks: [{ pupil_id: absent.pupil_id, code: 'J' }] }), 422, 'invalid', 'marks[0].code')
    assertError(await teacher.put(`/api/v1/registers/${day}/PM`, { marks: [{ pupil_id: absent.pupil_id, code: '/', minutes_late: 5 }] }), 422, 'invalid', 'marks[0].minutes_late')
    assertError(await teacher.put(`/api/v1/registers/${day}/PM`, { marks: [{ pupil_id: absent.pupil_id, code: '/' }, { pupil_id: absent.pupil_id, code: 'N' }] }), 422, 'invalid', 'marks[1].pupil_id')
    assertError(await teacher.put(`/api/v1/registers/${day}/PM`, { marks: 'all present' }), 422, 'invalid', 'marks')
    assertError(await auditor.put(`/api/v1/registers/${day}/PM`, { marks: [{ pupil_id: absent.pupil_id, code: '/' }] }), 403, 'forbidden')
    assertError(await senco.put(`/api/v1/registers/${day}/PM`, { marks: [{ pupil_id: absent.pupil_id, code: '/' }] }), 403, 'forbidden')
    const still = assertStatus(await teacher.get(`/api/v1/registers/${day}/PM`), 200)
    assert.equal(still.marked, 0)
    assert.equal(still.taken, null)
  })

  test('saving the register whole: present, L with minutes, N alerts the school once', async () => {
    const marks = rows.map((row) => ({ pupil_id: row.pupil_id, code: '/' }))
    marks.find((mark) => mark.pupil_id === late.pupil_id).code = 'L'
    marks.find((mark) => mark.pupil_id === late.pupil_id).minutes_late = 12
    marks.find((mark) => mark.pupil_id === absent.pupil_id).code = 'N'
    const saved = assertStatus(await teacher.put(`/api/v1/registers/${day}/PM`, { marks }), 200)
    assert.equal(saved.created, rows.length)
    assert.equal(saved.alerts, 1, 'one N, one alert')
    assert.equal(saved.marked, rows.length)
    assert.ok(saved.taken)
    const byPupil = new Map(saved.rows.map((row) => [row.pupil_id, row.mark]))
    assert.equal(byPupil.get(late.pupil_id).code, 'L')
    assert.equal(byPupil.get(late.pupil_id).minutes_late, 12)
    assert.equal(byPupil.get(absent.pupil_id).commissioner_id, orgs.ashfield.id)
    const other = rows.find((row) => row.pupil_id !== late.pupil_id && row.pupil_id !== absent.pupil_id)
    if (other) assert.equal(byPupil.get(other.pupil_id).code, '\\', 'PM present is a backslash')

    const again = assertStatus(await teacher.put(`/api/v1/registers/${day}/PM`, { marks }), 200)
    assert.equal(again.alerts, 0, 'the alert is not repeated on re-save')
    assert.equal(again.unchanged, rows.length)
    const list = assertStatus(await teacher.get(`/api/v1/registers?date=${day}`), 200).items
    assert.equal(list[1].taken, true)
  })

  test('a change to a taken mark needs a reason, and the history keeps both versions', async () => {
    const change = { marks: [{ pupil_id: late.pupil_id, code: 'L', minutes_late: 20 }] }
    assertError(await teacher.put(`/api/v1/registers/${day}/PM`, change), 422, 'invalid', 'marks[0].reason')
    change.marks[0].reason = 'Signing-in sheet says 20 minutes'
    const saved = assertStatus(await teacher.put(`/api/v1/registers/${day}/PM`, change), 200)
    assert.equal(saved.changed, 1)
    const view = assertStatus(await teacher.get(`/api/v1/pupils/${late.pupil_id}/attendance?from=${day}&to=${day}`), 200)
    const versions = view.history.filter((version) => version.session === 'PM')
    assert.deepEqual(versions.map((version) => version.version), [2, 1])
    assert.equal(versions[0].reason, 'Signing-in sheet says 20 minutes')
    assert.equal(versions[0].minutes_late, 20)
    assert.ok(versions[0].changed_by_name)
  })

  test('the commissioning school sees the N the same day; another school gets 404', async () => {
    const view = assertStatus(await senco.get(`/api/v1/pupils/${absent.pupil_id}/attendance?from=${day}&to=${day}`), 200)
    const pm = view.marks.find((mark) => mark.session === 'PM')
    assert.equal(pm.code, 'N')
    assert.equal(pm.category, 'unauthorised')
    assert.ok(view.summary.unauthorised >= 1)
    assert.equal(typeof view.summary.rate_text, 'string')
    assertError(await kingsway.get(`/api/v1/pupils/${absent.pupil_id}/attendance`), 404, 'not_found')
    assertError(await senco.get(`/api/v1/pupils/${absent.pupil_id}/attendance?from=${day}&to=2000-01-01`), 422, 'invalid', 'to')
    const half = assertStatus(await senco.get(`/api/v1/pupils/${absent.pupil_id}/attendance`), 200)
    assert.ok(half.marks.length > 3, 'the demo marks of the half term')
    assert.ok(half.periods.length >= 1)
  })

  test('the daily summary and week for the school; providers are refused', async () => {
    const daily = assertStatus(await senco.get(`/api/v1/attendance/daily?date=${day}`), 200)
    const row = daily.items.find((item) => item.pupil_id === absent.pupil_id)
    assert.equal(row.pm.code, 'N')
    assert.equal(row.pm.meaning, 'reason not yet established')
    assert.equal(row.provider_urn, orgs.balance.urn)
    assert.ok(!daily.items.some((item) => item.provider_name === '' && item.am.code !== ''))
    assertError(await teacher.get(`/api/v1/attendance/daily?date=${day}`), 403, 'forbidden')
    const week = assertStatus(await senco.get(`/api/v1/attendance/week?date=${day}`), 200)
    assert.ok(week.items.find((item) => item.pupil_id === absent.pupil_id).unexplained >= 1)
    assertError(await teacher.get(`/api/v1/attendance/week?date=${day}`), 403, 'forbidden')

    const csv = await senco.get(`/attendance/daily.csv?date=${day}`)
    assert.equal(csv.status, 200)
    assert.match(csv.headers.get('content-type'), /^text\/csv/)
    assert.match(csv.text, /^upn,name,date,provider,provider_urn,am_code,am_meaning,am_minutes_late,pm_code,pm_meaning,pm_minutes_late\r\n/)
    assert.ok(csv.text.includes(',N,reason not yet established,'))
  })

  test('waymark export attendance: upn,date,session,code first, our marks in it, errors exit non-zero', () => {
    const run = (...args) => spawnSync(BIN, ['export', 'attendance', '--db', server.db, ...args], { encoding: 'utf8', timeout: 60_000 })
    const out = run('--from', day, '--to', day, '--school', orgs.ashfield.urn)
    assert.equal(out.status, 0, out.stderr)
    const lines = out.stdout.trimEnd().split('\r\n')
    assert.deepEqual(lines[0].split(','), ['upn', 'date', 'session', 'code', 'minutes_late', 'meaning', 'provider_urn', 'school_urn'])
    const cells = lines.slice(1).map((line) => line.split(','))
    assert.ok(cells.every((row) => row[1] === day && ['AM', 'PM'].includes(row[2]) && row[7] === orgs.ashfield.urn))
    assert.ok(cells.some((row) => row[2] === 'PM' && row[3] === 'N'))
    const all = run('--from', day, '--to', day)
    assert.equal(all.status, 0, all.stderr)
    const allCells = all.stdout.trimEnd().split('\r\n').slice(1).map((line) => line.split(','))
    assert.ok(allCells.length >= cells.length)
    assert.ok(allCells.some((row) => row[2] === 'PM' && row[3] === 'L' && row[4] === '20'))
    const bad = run('--from', 'yesterday', '--to', day)
    assert.notEqual(bad.status, 0)
    assert.match(bad.stderr, /--from/)
    const unknown = run('--from', day, '--to', day, '--school', '999999')
    assert.notEqual(unknown.status, 0)
    assert.match(unknown.stderr, /999999/)
  })
})
