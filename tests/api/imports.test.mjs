// CSV imports: POST /api/v1/imports/pupils and /api/v1/imports/placements (text/csv body,
// ?dry_run=true). A file with any problem writes nothing; a dry run writes nothing; importing the
// same file again changes nothing.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, newPupil, newUpn, badUpn, dobForYear } from './lib/server.mjs'

describe('imports', () => {
  let server
  let orgs
  let school // Ashfield's admin: a school imports pupils onto its own roll
  let bridges
  let auditor

  const csv = (lines) => lines.join('\r\n') + '\r\n'
  const importPupils = (client, body, query = '') =>
    client.raw('POST', `/api/v1/imports/pupils${query}`, { body, contentType: 'text/csv' })
  const importPlacements = (client, body, query = '') =>
    client.raw('POST', `/api/v1/imports/placements${query}`, { body, contentType: 'text/csv' })
  const total = async (client) => assertStatus(await client.get('/api/v1/pupils?limit=1'), 200).total
  const findByUpn = async (client, upn) => assertStatus(await client.get(`/api/v1/pupils?search=${upn}`), 200).items

  let serial = 0
  // A pupil file's data row: upn,forename,surname,dob,sex[,fsm].
  function pupilRow (upn = newUpn(), extra = []) {
    serial += 1
    return [upn, 'Imported', `Learner${process.pid}x${serial}`, dobForYear(8), serial % 2 ? 'F' : 'M', ...extra].join(',')
  }

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    school = await server.as(USERS.ashfieldAdmin)
    bridges = await server.as(USERS.bridgesAdmin)
    auditor = await server.as(USERS.balanceAuditor)
  })
  after(async () => { await server?.stop() })

  describe('POST /api/v1/imports/pupils', () => {
    test('imports new pupils onto the roll; importing the same file again does not duplicate them', async () => {
      const upns = [newUpn(), newUpn()]
      const file = csv(['upn,forename,surname,dob,sex', pupilRow(upns[0]), pupilRow(upns[1])])
      const before = await total(school)
      const first = assertStatus(await importPupils(school, file), 200)
      assert.deepEqual(first, { rows: 2, created: 2, updated: 0, unchanged: 0, dry_run: false })
      assert.equal(await total(school), before + 2)
      for (const upn of upns) {
        const found = await findByUpn(school, upn)
        assert.equal(found.length, 1, upn)
        const profile = assertStatus(await school.get(`/api/v1/pupils/${found[0].id}`), 200)
        assert.ok(profile.enrolments.some((entry) => entry.school_id === orgs.ashfield.id))
      }

      const again = assertStatus(await importPupils(school, file), 200)
      assert.deepEqual(again, { rows: 2, created: 0, updated: 0, unchanged: 2, dry_run: false })
      assert.equal(await total(school), before + 2)
      for (const upn of upns) assert.equal((await findByUpn(school, upn)).length, 1)
    })

    test('a changed row updates the pupil, and the pupil audit records it as an import', async () => {
      const upn = newUpn()
      const row = pupilRow(upn)
      assertStatus(await importPupils(school, csv(['upn,forename,surname,dob,sex,fsm', `${row},N`])), 200)
      const changed = assertStatus(await importPupils(school, csv(['upn,forename,surname,dob,sex,fsm', `${row},Y`])), 200)
      assert.deepEqual(changed, { rows: 1, created: 0, updated: 1, unchanged: 0, dry_run: false })
      const [pupil] = await findByUpn(school, upn)
      assert.equal(pupil.flags.fsm, true)
      const audit = assertStatus(await school.get(`/api/v1/pupils/${pupil.id}/audit`), 200)
      assert.ok(audit.items.some((entry) => entry.action === 'import' && entry.changes.some((change) => change.field === 'flags.fsm')),
        JSON.stringify(audit.items))
    })

    test('dry_run=true reports the counts and writes nothing', async () => {
      const upns = [newUpn(), newUpn(), newUpn()]
      const file = csv(['upn,forename,surname,dob,sex', ...upns.map((upn) => pupilRow(upn))])
      const before = await total(school)
      const dry = assertStatus(await importPupils(school, file, '?dry_run=true'), 200)
      assert.deepEqual(dry, { rows: 3, created: 3, updated: 0, unchanged: 0, dry_run: true })
      assert.equal(await total(school), before)
      for (const upn of upns) assert.deepEqual(await findByUpn(school, upn), [])
      // The same file for real then does what the dry run said.
      const real = assertStatus(await importPupils(school, file), 200)
      assert.deepEqual(real, { ...dry, dry_run: false })
      assert.equal(await total(school), before + 3)
    })

    test('a bad UPN on row 2 is 422 on "row 2, column upn", and nothing is written', async () => {
      const good = newUpn()
      const file = csv(['upn,forename,surname,dob,sex', pupilRow(good), pupilRow(badUpn())])
      const before = await total(school)
      const error = assertError(await importPupils(school, file), 422, 'invalid', 'row 2, column upn')
      assert.ok(!error.fields.some((entry) => entry.field.startsWith('row 1')), JSON.stringify(error.fields))
      assert.equal(await total(school), before)
      assert.deepEqual(await findByUpn(school, good), [], 'the good row 1 was not written either')
    })

    test('every bad cell is reported, each by row and column', async () => {
      const file = csv([
        'upn,forename,surname,dob,sex',
        pupilRow(badUpn()),
        [newUpn(), 'No', 'Birthday', 'someday', 'F'].join(','),
        [newUpn(), 'Odd', 'Sex', dobForYear(8), 'Q'].join(',')
      ])
      const error = assertError(await importPupils(school, file), 422, 'invalid', 'row 1, column upn')
      const fields = error.fields.map((entry) => entry.field)
      assert.ok(fields.includes('row 2, column dob'), JSON.stringify(fields))
      assert.ok(fields.includes('row 3, column sex'), JSON.stringify(fields))
    })

    test('422 on the header for a missing or unknown column, and for an empty file', async () => {
      assertError(await importPupils(school, csv(['upn,forename,surname,sex', `${newUpn()},A,B,F`])), 422, 'invalid', 'header')
      assertError(await importPupils(school, csv(['upn,forename,surname,dob,sex,shoe_size', `${pupilRow()},9`])), 422, 'invalid', 'header')
      const empty = assertError(await importPupils(school, ''), 422, 'invalid')
      assert.ok(empty.fields.length >= 1)
    })

    test('the same UPN twice in a file is 422 on the second row', async () => {
      const upn = newUpn()
      assertError(await importPupils(school, csv(['upn,forename,surname,dob,sex', pupilRow(upn), pupilRow(upn)])), 422, 'invalid', 'row 2, column upn')
    })

    test('a provider must name the referring school for a new pupil', async () => {
      const balance = await server.as(USERS.balanceAdmin)
      assertError(await importPupils(balance, csv(['upn,forename,surname,dob,sex', pupilRow()])), 422, 'invalid', 'row 1, column commissioner_urn')
      if (orgs.ashfield.urn) {
        const upn = newUpn()
        const created = assertStatus(await importPupils(balance, csv(['upn,forename,surname,dob,sex,commissioner_urn', `${pupilRow(upn)},${orgs.ashfield.urn}`])), 200)
        assert.equal(created.created, 1)
        const [pupil] = await findByUpn(balance, upn)
        assert.equal(pupil.placements[0].commissioner_id, orgs.ashfield.id)
      }
    })

    test("a UPN another organisation holds is 422 on that cell, and their pupil is untouched", async () => {
      const theirs = assertStatus(await bridges.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.northbrook.id })), 201).pupil
      const file = csv(['upn,forename,surname,dob,sex', [theirs.upn, 'Someone', 'Else', dobForYear(8), 'M'].join(',')])
      assertError(await importPupils(school, file), 422, 'invalid', 'row 1, column upn')
      const still = assertStatus(await bridges.get(`/api/v1/pupils/${theirs.id}`), 200).pupil
      assert.equal(still.legal_surname, theirs.legal_surname)
    })

    test('403 for an auditor', async () => {
      assertError(await importPupils(auditor, csv(['upn,forename,surname,dob,sex', pupilRow()])), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      const answer = await server.request('POST', '/api/v1/imports/pupils', { body: csv(['upn,forename,surname,dob,sex', pupilRow()]), contentType: 'text/csv' })
      assertError(answer, 401, 'unauthenticated')
    })

    test('a cookie upload needs the CSRF token (403 without)', async () => {
      const session = await server.login(USERS.ashfieldAdmin)
      const file = csv(['upn,forename,surname,dob,sex', pupilRow()])
      const answer = await server.request('POST', '/api/v1/imports/pupils?dry_run=true', { auth: { cookie: session.cookie }, body: file, contentType: 'text/csv' })
      assertError(answer, 403, 'forbidden')
      assertStatus(await server.request('POST', '/api/v1/imports/pupils?dry_run=true', { auth: session, body: file, contentType: 'text/csv' }), 200)
    })
  })

  describe('POST /api/v1/imports/placements', () => {
    // The provider with a URN (an unregistered provider may have none) and its admin.
    let provider
    let client
    let pupil
    const header = 'upn,provider_urn,commissioner_urn,referral_date,status,start_date,hours_per_week,timetable'

    before(async () => {
      provider = [orgs.balance, orgs.bridges].find((org) => org.urn)
      assert.ok(provider, 'a demo provider has a URN')
      assert.ok(orgs.ashfield.urn, 'Ashfield has a URN')
      client = await server.as(provider === orgs.balance ? USERS.balanceAdmin : USERS.bridgesAdmin)
      pupil = assertStatus(await client.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 201).pupil
    })

    const row = (extra = {}) => {
      const cells = {
        upn: pupil.upn,
        provider_urn: provider.urn,
        commissioner_urn: orgs.ashfield.urn,
        referral_date: '2025-10-01',
        status: 'active',
        start_date: '2025-10-13',
        hours_per_week: '15',
        timetable: 'Mon AM; Tue AM; Wed PM',
        ...extra
      }
      return header.split(',').map((column) => cells[column]).join(',')
    }
    const placementsOf = async () => assertStatus(await client.get(`/api/v1/pupils/${pupil.id}`), 200).placements

    test('dry run writes nothing; the import creates the placement; re-importing changes nothing', async () => {
      const file = csv([header, row()])
      const before = (await placementsOf()).length
      const dry = assertStatus(await importPlacements(client, file, '?dry_run=1'), 200)
      assert.deepEqual(dry, { rows: 1, created: 1, updated: 0, unchanged: 0, dry_run: true })
      assert.equal((await placementsOf()).length, before)

      const real = assertStatus(await importPlacements(client, file), 200)
      assert.deepEqual(real, { rows: 1, created: 1, updated: 0, unchanged: 0, dry_run: false })
      const placements = await placementsOf()
      assert.equal(placements.length, before + 1)
      const imported = placements.find((placement) => placement.referral_date === '2025-10-01')
      assert.equal(imported.status, 'active')
      assert.equal(imported.start_date, '2025-10-13')
      assert.equal(imported.hours_per_week, 15)
      assert.deepEqual(imported.timetable, ['Mon AM', 'Tue AM', 'Wed PM'])

      const again = assertStatus(await importPlacements(client, file), 200)
      assert.deepEqual(again, { rows: 1, created: 0, updated: 0, unchanged: 1, dry_run: false })
      assert.equal((await placementsOf()).length, before + 1)
    })

    test('a placement cannot be moved back a stage by import: 422 on the status cell', async () => {
      assertStatus(await importPlacements(client, csv([header, row({ referral_date: '2025-11-03', start_date: '2025-11-10' })])), 200)
      const file = csv([header, row({ referral_date: '2025-11-03', status: 'referred', start_date: '' })])
      assertError(await importPlacements(client, file), 422, 'invalid', 'row 1, column status')
    })

    test('422 naming the row and column of each unreadable cell; nothing is written', async () => {
      const before = (await placementsOf()).length
      const file = csv([
        header,
        row({ referral_date: '2025-12-01', start_date: '2025-12-08' }),
        row({ referral_date: '2025-12-02', status: 'paused' }),
        row({ referral_date: '2025-12-03', hours_per_week: 'many' }),
        row({ referral_date: '2025-12-04', timetable: 'Sun AM' })
      ])
      const error = assertError(await importPlacements(client, file), 422, 'invalid', 'row 2, column status')
      const fields = error.fields.map((entry) => entry.field)
      for (const field of ['row 3, column hours_per_week', 'row 4, column timetable']) {
        assert.ok(fields.includes(field), `${field} in ${JSON.stringify(fields)}`)
      }
      assert.equal((await placementsOf()).length, before)
    })

    test('422 naming the row and column of each row that cannot be placed; nothing is written', async () => {
      const before = (await placementsOf()).length
      const file = csv([
        header,
        row({ referral_date: '2025-12-01', start_date: '2025-12-08' }),
        row({ referral_date: '2025-12-02', upn: newUpn() }),
        row({ referral_date: '2025-12-03', commissioner_urn: '000000' }),
        row({ referral_date: '2025-12-04', start_date: '2025-11-01' })
      ])
      const error = assertError(await importPlacements(client, file), 422, 'invalid', 'row 2, column upn')
      const fields = error.fields.map((entry) => entry.field)
      for (const field of ['row 3, column commissioner_urn', 'row 4, column start_date']) {
        assert.ok(fields.includes(field), `${field} in ${JSON.stringify(fields)}`)
      }
      assert.ok(!fields.some((field) => field.startsWith('row 1,')), JSON.stringify(fields))
      assert.equal((await placementsOf()).length, before)
    })

    test("another organisation's pupil is 422 on the upn cell", async () => {
      const other = provider === orgs.balance ? bridges : await server.as(USERS.balanceAdmin)
      const theirs = assertStatus(await other.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 201).pupil
      assertError(await importPlacements(client, csv([header, row({ upn: theirs.upn })])), 422, 'invalid', 'row 1, column upn')
    })

    test('403 for an auditor', async () => {
      assertError(await importPlacements(auditor, csv([header, row()])), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      const answer = await server.request('POST', '/api/v1/imports/placements', { body: csv([header, row()]), contentType: 'text/csv' })
      assertError(answer, 401, 'unauthenticated')
    })
  })
})
