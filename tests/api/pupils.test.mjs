// /api/v1/pupils: list (with its filters), create, read, change, the audit trail and roll entries
// (enrolments); who may see and change which pupil.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, assertError, assertStatus, USERS, newPupil, newUpn, badUpn, today } from './lib/server.mjs'

describe('pupils', () => {
  let server
  let orgs
  let balance // clients
  let bridges
  let auditor
  let teacher
  let senco
  let officer
  let ashfieldAdmin
  let otherSchool // a school that is not Ashfield
  let placed // a Balance pupil referred by Ashfield: {id, upn, profile}
  let elsewhere // a Balance pupil referred by another school

  async function create (client, body) {
    const answer = await client.post('/api/v1/pupils', body)
    const profile = assertStatus(answer, 201)
    return { id: profile.pupil.id, upn: profile.pupil.upn, profile, answer }
  }

  before(async () => {
    server = await startServer()
    orgs = await server.organisations()
    balance = await server.as(USERS.balanceAdmin)
    bridges = await server.as(USERS.bridgesAdmin)
    auditor = await server.as(USERS.balanceAuditor)
    teacher = await server.as(USERS.balanceTeacher)
    senco = await server.as(USERS.ashfieldSenco)
    officer = await server.as(USERS.northbrookOfficer)
    ashfieldAdmin = await server.as(USERS.ashfieldAdmin)
    otherSchool = orgs.schools.find((school) => school.id !== orgs.ashfield.id)
    assert.ok(otherSchool, 'the demo has a second school')
    placed = await create(balance, newPupil({ commissioner_id: orgs.ashfield.id }))
    elsewhere = await create(balance, newPupil({ commissioner_id: otherSchool.id }))
  })
  after(async () => { await server?.stop() })

  describe('GET /api/v1/pupils', () => {
    test('lists visible pupils a page at a time, without contacts and medical details', async () => {
      const body = assertStatus(await balance.get('/api/v1/pupils'), 200)
      assert.ok(Array.isArray(body.items))
      assert.equal(body.limit, 50)
      assert.equal(body.offset, 0)
      assert.ok(body.total >= 2, JSON.stringify(body.total))
      assert.ok(body.items.length <= 50)
      for (const item of body.items) {
        assert.equal(typeof item.id, 'number')
        assert.equal(typeof item.display_name, 'string')
        assert.ok(Array.isArray(item.placements))
        assert.equal(typeof item.current_hours, 'number')
        assert.equal(item.contacts, undefined)
        assert.equal(item.barriers, undefined)
        assert.equal(item.medical_needs, undefined)
      }
    })

    test('search finds a pupil by UPN and by the start of a name', async () => {
      const byUpn = assertStatus(await balance.get(`/api/v1/pupils?search=${placed.upn}`), 200)
      assert.deepEqual(byUpn.items.map((item) => item.id), [placed.id])
      const surname = placed.profile.pupil.legal_surname
      const byName = assertStatus(await balance.get(`/api/v1/pupils?search=${encodeURIComponent(surname.slice(0, surname.length - 1))}`), 200)
      assert.ok(byName.items.some((item) => item.id === placed.id))
    })

    test('limit and offset page through the list', async () => {
      const all = assertStatus(await balance.get('/api/v1/pupils?limit=500'), 200)
      const page = assertStatus(await balance.get('/api/v1/pupils?limit=1&offset=1'), 200)
      assert.equal(page.limit, 1)
      assert.equal(page.offset, 1)
      assert.equal(page.total, all.total)
      assert.equal(page.items.length, 1)
      assert.equal(page.items[0].id, all.items[1].id)
    })

    test('provider_id, commissioner_id, status and nc_year filter the list', async () => {
      const ids = async (query) => assertStatus(await balance.get(`/api/v1/pupils?limit=500&${query}`), 200).items.map((item) => item.id)
      assert.ok((await ids(`provider_id=${orgs.balance.id}`)).includes(placed.id))
      assert.ok(!(await ids(`provider_id=${orgs.bridges.id}`)).includes(placed.id))
      const byAshfield = await ids(`commissioner_id=${orgs.ashfield.id}`)
      assert.ok(byAshfield.includes(placed.id))
      assert.ok(!byAshfield.includes(elsewhere.id))
      assert.ok((await ids('status=referred')).includes(placed.id))
      assert.ok(!(await ids('status=ended')).includes(placed.id))
      assert.ok((await ids('nc_year=9')).includes(placed.id))
      assert.ok(!(await ids('nc_year=3')).includes(placed.id))
    })

    test('flag filters (repeatable) narrow to pupils with every flag', async () => {
      const pupil = await create(balance, newPupil({ commissioner_id: orgs.ashfield.id, flags: { fsm: true, eal: true }, sen: 'E' }))
      const ids = async (query) => assertStatus(await balance.get(`/api/v1/pupils?limit=500&${query}`), 200).items.map((item) => item.id)
      assert.ok((await ids('flag=fsm')).includes(pupil.id))
      assert.ok((await ids('flag=fsm&flag=eal')).includes(pupil.id))
      assert.ok((await ids('flag=fsm&flag=eal&flag=sen_e')).includes(pupil.id))
      assert.ok(!(await ids('flag=fsm&flag=looked_after')).includes(pupil.id))
      assert.ok(!(await ids('flag=no_upn')).includes(pupil.id))
      const listed = assertStatus(await balance.get(`/api/v1/pupils?search=${pupil.upn}`), 200).items[0]
      assert.equal(listed.flags.fsm, true)
      assert.equal(listed.flags.looked_after, false)
      assert.equal(listed.sen, 'E')
    })

    test('422 naming the query parameter that is malformed', async () => {
      assertError(await balance.get('/api/v1/pupils?limit=0'), 422, 'invalid', 'limit')
      assertError(await balance.get('/api/v1/pupils?limit=501'), 422, 'invalid', 'limit')
      assertError(await balance.get('/api/v1/pupils?limit=ten'), 422, 'invalid', 'limit')
      assertError(await balance.get('/api/v1/pupils?offset=-1'), 422, 'invalid', 'offset')
      assertError(await balance.get('/api/v1/pupils?provider_id=x'), 422, 'invalid', 'provider_id')
      assertError(await balance.get('/api/v1/pupils?commissioner_id=1.5'), 422, 'invalid', 'commissioner_id')
      assertError(await balance.get('/api/v1/pupils?nc_year=Y9'), 422, 'invalid', 'nc_year')
      assertError(await balance.get('/api/v1/pupils?nc_year=15'), 422, 'invalid', 'nc_year')
      assertError(await balance.get('/api/v1/pupils?status=paused'), 422, 'invalid', 'status')
      assertError(await balance.get(`/api/v1/pupils?search=${'a'.repeat(101)}`), 422, 'invalid', 'search')
    })

    test('422 naming the "flag" parameter for an unknown flag', async () => {
      assertError(await balance.get('/api/v1/pupils?flag=wizard'), 422, 'invalid', 'flag')
    })

    test("another organisation's pupils are not listed", async () => {
      const found = assertStatus(await bridges.get(`/api/v1/pupils?search=${placed.upn}`), 200)
      assert.equal(found.total, 0)
      assert.deepEqual(found.items, [])
      const all = assertStatus(await bridges.get('/api/v1/pupils?limit=500'), 200)
      assert.ok(!all.items.some((item) => item.id === placed.id || item.id === elsewhere.id))
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', '/api/v1/pupils'), 401, 'unauthenticated')
    })
  })

  describe('POST /api/v1/pupils', () => {
    test('a provider records a pupil: 201, Location, and a referral placement dated today', async () => {
      const body = newPupil({ commissioner_id: orgs.ashfield.id, preferred_forename: 'Sunny', flags: { pupil_premium: true } })
      const { answer, profile } = await create(balance, body)
      assert.equal(answer.headers.get('location'), `/api/v1/pupils/${profile.pupil.id}`)
      assert.equal(profile.pupil.upn, body.upn)
      assert.equal(profile.pupil.legal_forename, body.legal_forename)
      assert.equal(profile.pupil.display_name, `Sunny ${body.legal_surname}`)
      assert.equal(profile.pupil.dob, body.dob)
      assert.equal(profile.pupil.nc_year, 9)
      assert.equal(profile.pupil.flags.pupil_premium, true)
      assert.match(profile.academic_year, /^\d{4}\/\d\d$/)
      assert.equal(profile.placements.length, 1)
      const referral = profile.placements[0]
      assert.equal(referral.status, 'referred')
      assert.equal(referral.provider_id, orgs.balance.id)
      assert.equal(referral.commissioner_id, orgs.ashfield.id)
      assert.equal(referral.referral_date, today())
      assert.equal(typeof referral.provider_name, 'string')
      assert.deepEqual(profile.enrolments, [])
    })

    test('a school records a pupil on its own roll', async () => {
      const { profile } = await create(ashfieldAdmin, newPupil({ admission_date: today() }))
      assert.equal(profile.enrolments.length, 1)
      assert.equal(profile.enrolments[0].school_id, orgs.ashfield.id)
      assert.equal(profile.enrolments[0].admission_date, today())
      assert.deepEqual(profile.placements, [])
    })

    test('a pupil may have no UPN', async () => {
      const { profile } = await create(balance, newPupil({ upn: null, commissioner_id: orgs.ashfield.id }))
      assert.equal(profile.pupil.upn, null)
    })

    test('422 naming each field at fault', async () => {
      const noName = newPupil({ commissioner_id: orgs.ashfield.id })
      delete noName.legal_forename
      assertError(await balance.post('/api/v1/pupils', noName), 422, 'invalid', 'legal_forename')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, upn: badUpn() })), 422, 'invalid', 'upn')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, dob: '31/02/2012' })), 422, 'invalid', 'dob')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, dob: '1990-01-01' })), 422, 'invalid', 'dob')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, sex: 'Q' })), 422, 'invalid', 'sex')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, flags: { wizard: true } })), 422, 'invalid', 'flags.wizard')
      assertError(await balance.post('/api/v1/pupils', newPupil()), 422, 'invalid', 'commissioner_id')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.bridges.id })), 422, 'invalid', 'commissioner_id')
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, contacts: [{ name: 'Mum' }] })), 422, 'invalid', 'contacts[0].relationship')
      assertError(await balance.post('/api/v1/pupils', []), 422, 'invalid', 'body')
    })

    test('every problem is reported at once', async () => {
      const error = assertError(await balance.post('/api/v1/pupils', { upn: badUpn(), sex: 'Q', dob: 'soon' }), 422, 'invalid')
      const fields = error.fields.map((entry) => entry.field)
      for (const field of ['upn', 'sex', 'dob']) assert.ok(fields.includes(field), JSON.stringify(fields))
    })

    test('409 for a UPN another pupil already has, even in another organisation', async () => {
      assertError(await balance.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, upn: placed.upn })), 409, 'conflict', 'upn')
      assertError(await bridges.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id, upn: placed.upn })), 409, 'conflict', 'upn')
    })

    test('403 for an auditor and for a commissioner-only user', async () => {
      assertError(await auditor.post('/api/v1/pupils', newPupil({ commissioner_id: orgs.ashfield.id })), 403, 'forbidden')
      assertError(await senco.post('/api/v1/pupils', newPupil()), 403, 'forbidden')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('POST', '/api/v1/pupils', { json: newPupil() }), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/pupils/{id}', () => {
    test('the profile: pupil with contacts, placements and roll entries', async () => {
      const body = assertStatus(await balance.get(`/api/v1/pupils/${placed.id}`), 200)
      assert.equal(body.pupil.id, placed.id)
      assert.ok(Array.isArray(body.pupil.contacts))
      assert.ok(Array.isArray(body.pupil.barriers))
      assert.equal(typeof body.pupil.medical_needs, 'string')
      assert.equal(typeof body.pupil.updated_at, 'number')
      assert.equal(body.placements.length, 1)
      assert.ok(Array.isArray(body.enrolments))
      assert.equal(typeof body.current_hours, 'number')
    })

    test("404 for another provider's pupil, exactly as for one that does not exist", async () => {
      const hidden = assertError(await bridges.get(`/api/v1/pupils/${placed.id}`), 404, 'not_found')
      const missing = assertError(await bridges.get('/api/v1/pupils/999999'), 404, 'not_found')
      assert.equal(hidden.message, 'pupil not found')
      assert.deepEqual(hidden, missing)
      assertError(await balance.get('/api/v1/pupils/abc'), 404, 'not_found')
      assertError(await balance.get('/api/v1/pupils/0'), 404, 'not_found')
    })

    test("a school commissioner sees the pupils the school placed but not another school's", async () => {
      assertStatus(await senco.get(`/api/v1/pupils/${placed.id}`), 200)
      assertError(await senco.get(`/api/v1/pupils/${elsewhere.id}`), 404, 'not_found')
      assertStatus(await ashfieldAdmin.get(`/api/v1/pupils/${placed.id}`), 200)
      assertError(await ashfieldAdmin.get(`/api/v1/pupils/${elsewhere.id}`), 404, 'not_found')
    })

    test('the LA officer sees pupils placed with providers in its area', async () => {
      assert.equal(orgs.balance.local_authority_id, orgs.northbrook.id, 'Balance is in Northbrook\'s area')
      assertStatus(await officer.get(`/api/v1/pupils/${placed.id}`), 200)
      assertStatus(await officer.get(`/api/v1/pupils/${elsewhere.id}`), 200)
    })

    test('the LA officer sees the pupils the LA placed', async () => {
      const admin = await server.as(USERS.northbrookAdmin)
      const { id, profile } = await create(admin, newPupil({ provider_id: orgs.bridges.id }))
      assert.equal(profile.placements[0].commissioner_id, orgs.northbrook.id)
      assertStatus(await officer.get(`/api/v1/pupils/${id}`), 200)
      assertStatus(await bridges.get(`/api/v1/pupils/${id}`), 200)
      assertError(await balance.get(`/api/v1/pupils/${id}`), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', `/api/v1/pupils/${placed.id}`), 401, 'unauthenticated')
    })
  })

  describe('PATCH /api/v1/pupils/{id}', () => {
    test('changes only the fields sent, and the audit trail shows the change', async () => {
      const pupil = await create(balance, newPupil({ commissioner_id: orgs.ashfield.id }))
      const answer = await balance.patch(`/api/v1/pupils/${pupil.id}`, { flags: { looked_after: true } })
      const body = assertStatus(answer, 200)
      assert.equal(body.pupil.flags.looked_after, true)
      assert.equal(body.pupil.flags.fsm, false)
      assert.equal(body.pupil.legal_forename, pupil.profile.pupil.legal_forename)
      assert.equal(body.pupil.upn, pupil.upn)

      const audit = assertStatus(await balance.get(`/api/v1/pupils/${pupil.id}/audit`), 200)
      const update = audit.items.find((entry) => entry.action === 'update' && entry.entity === 'pupil')
      assert.ok(update, JSON.stringify(audit.items))
      assert.equal(update.entity_id, pupil.id)
      assert.deepEqual(update.changes, [{ field: 'flags.looked_after', before: 'no', after: 'yes' }])
      assert.match(update.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
      assert.equal(typeof update.user, 'string')
      assert.ok(update.user.length > 0)
      // Newest first: the update comes before the creation.
      const creation = audit.items.findIndex((entry) => entry.action === 'create' && entry.entity === 'pupil')
      assert.ok(audit.items.indexOf(update) < creation)
    })

    test('a teacher may change a pupil; contacts and barriers are replaced as sent', async () => {
      const body = assertStatus(await teacher.patch(`/api/v1/pupils/${placed.id}`, {
        preferred_forename: 'Ace',
        barriers: ['attendance', { barrier: 'medical', notes: 'asthma' }],
        contacts: [{ name: 'Pat Doe', relationship: 'Mother', phone: '01632 960000', priority: 1, parental_responsibility: true }]
      }), 200)
      assert.equal(body.pupil.preferred_forename, 'Ace')
      assert.deepEqual(body.pupil.barriers.map((item) => item.barrier), ['attendance', 'medical'])
      assert.equal(body.pupil.contacts.length, 1)
      assert.equal(body.pupil.contacts[0].name, 'Pat Doe')
    })

    test('422 naming the field, and nothing is changed', async () => {
      const before = assertStatus(await balance.get(`/api/v1/pupils/${placed.id}`), 200)
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}`, { legal_surname: '', flags: { fsm: true } }), 422, 'invalid', 'legal_surname')
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}`, { sen: 'Z' }), 422, 'invalid', 'sen')
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}`, { flags: { fsm: 'yes' } }), 422, 'invalid', 'flags.fsm')
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}`, { nc_year_override: 20 }), 422, 'invalid', 'nc_year_override')
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}`, { barriers: ['medical', 'medical'] }), 422, 'invalid', 'barriers[1]')
      const afterwards = assertStatus(await balance.get(`/api/v1/pupils/${placed.id}`), 200)
      assert.deepEqual(afterwards.pupil, before.pupil)
    })

    test('409 when updated_at is stale, or the UPN belongs to another pupil', async () => {
      const pupil = await create(balance, newPupil({ commissioner_id: orgs.ashfield.id }))
      const stamp = pupil.profile.pupil.updated_at
      assertStatus(await balance.patch(`/api/v1/pupils/${pupil.id}`, { medical_needs: 'first', updated_at: stamp }), 200)
      // The record may change within the same second; force a different stamp.
      assertError(await balance.patch(`/api/v1/pupils/${pupil.id}`, { medical_needs: 'second', updated_at: stamp - 10 }), 409, 'conflict', 'updated_at')
      assertError(await balance.patch(`/api/v1/pupils/${pupil.id}`, { upn: placed.upn }), 409, 'conflict', 'upn')
      assertStatus(await balance.patch(`/api/v1/pupils/${pupil.id}`, { upn: newUpn() }), 200)
    })

    test('403 for an auditor (who can still read the pupil)', async () => {
      assertStatus(await auditor.get(`/api/v1/pupils/${placed.id}`), 200)
      assertError(await auditor.patch(`/api/v1/pupils/${placed.id}`, { flags: { fsm: true } }), 403, 'forbidden')
    })

    test("404 for another organisation's pupil", async () => {
      assertError(await bridges.patch(`/api/v1/pupils/${placed.id}`, { flags: { fsm: true } }), 404, 'not_found')
      assertError(await senco.patch(`/api/v1/pupils/${elsewhere.id}`, { flags: { fsm: true } }), 404, 'not_found')
      assertError(await balance.patch('/api/v1/pupils/999999', { flags: { fsm: true } }), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('PATCH', `/api/v1/pupils/${placed.id}`, { json: {} }), 401, 'unauthenticated')
    })
  })

  describe('GET /api/v1/pupils/{id}/audit', () => {
    test('admins and heads read the trail, creation included', async () => {
      const head = await server.as(USERS.balanceHead)
      const body = assertStatus(await head.get(`/api/v1/pupils/${placed.id}/audit`), 200)
      const created = body.items.find((entry) => entry.action === 'create' && entry.entity === 'pupil')
      assert.ok(created, JSON.stringify(body.items))
      assert.ok(created.changes.some((change) => change.field === 'legal_surname' && change.after === placed.profile.pupil.legal_surname))
    })

    test('403 for a teacher and an auditor', async () => {
      assertError(await teacher.get(`/api/v1/pupils/${placed.id}/audit`), 403, 'forbidden')
      assertError(await auditor.get(`/api/v1/pupils/${placed.id}/audit`), 403, 'forbidden')
    })

    test("404 for another organisation's pupil", async () => {
      assertError(await bridges.get(`/api/v1/pupils/${placed.id}/audit`), 404, 'not_found')
      assertError(await balance.get('/api/v1/pupils/999999/audit'), 404, 'not_found')
    })

    test('401 when not signed in', async () => {
      assertError(await server.request('GET', `/api/v1/pupils/${placed.id}/audit`), 401, 'unauthenticated')
    })
  })

  describe('roll entries: POST /api/v1/pupils/{id}/enrolments and PATCH .../enrolments/{enrolment_id}', () => {
    let enrolment

    test('a school puts a pupil it placed on its roll: 201', async () => {
      const body = assertStatus(await ashfieldAdmin.post(`/api/v1/pupils/${placed.id}/enrolments`, {
        school_id: orgs.ashfield.id,
        admission_date: '2024-09-04',
        registration: 'dual'
      }), 201)
      assert.equal(body.pupil_id, placed.id)
      assert.equal(body.school_id, orgs.ashfield.id)
      assert.equal(body.admission_date, '2024-09-04')
      assert.equal(body.leaving_date, null)
      assert.equal(body.registration, 'dual')
      enrolment = body
      const profile = assertStatus(await balance.get(`/api/v1/pupils/${placed.id}`), 200)
      assert.ok(profile.enrolments.some((entry) => entry.id === body.id && typeof entry.school_name === 'string'))
    })

    test('POST 422 naming the field', async () => {
      assertError(await ashfieldAdmin.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: orgs.ashfield.id, admission_date: '2024-13-40' }), 422, 'invalid', 'admission_date')
      assertError(await ashfieldAdmin.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: orgs.ashfield.id, admission_date: '2024-09-04', registration: 'part' }), 422, 'invalid', 'registration')
      assertError(await ashfieldAdmin.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: 'ashfield', admission_date: '2024-09-04' }), 422, 'invalid', 'school_id')
    })

    test("POST 403 for a provider, or a school adding to another school's roll", async () => {
      assertError(await balance.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: orgs.ashfield.id, admission_date: '2024-09-04' }), 403, 'forbidden')
      assertError(await ashfieldAdmin.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: otherSchool.id, admission_date: '2024-09-04' }), 403, 'forbidden')
    })

    test("POST 404 for another organisation's pupil", async () => {
      assertError(await ashfieldAdmin.post(`/api/v1/pupils/${elsewhere.id}/enrolments`, { school_id: orgs.ashfield.id, admission_date: '2024-09-04' }), 404, 'not_found')
      assertError(await bridges.post(`/api/v1/pupils/${placed.id}/enrolments`, { school_id: orgs.bridges.id, admission_date: '2024-09-04' }), 404, 'not_found')
    })

    test('POST 401 when not signed in', async () => {
      assertError(await server.request('POST', `/api/v1/pupils/${placed.id}/enrolments`, { json: {} }), 401, 'unauthenticated')
    })

    test('PATCH records the leaving date', async () => {
      assert.ok(enrolment, 'created above')
      const body = assertStatus(await ashfieldAdmin.patch(`/api/v1/pupils/${placed.id}/enrolments/${enrolment.id}`, { leaving_date: '2025-07-18' }), 200)
      assert.equal(body.leaving_date, '2025-07-18')
      assert.equal(body.admission_date, '2024-09-04')
      assert.equal(body.registration, 'dual')
    })

    test('PATCH 422 when leaving comes before admission', async () => {
      assertError(await ashfieldAdmin.patch(`/api/v1/pupils/${placed.id}/enrolments/${enrolment.id}`, { leaving_date: '2023-01-01' }), 422, 'invalid', 'leaving_date')
    })

    test("PATCH 403 for a provider's staff, who may see the pupil but not the school's roll", async () => {
      assertError(await balance.patch(`/api/v1/pupils/${placed.id}/enrolments/${enrolment.id}`, { leaving_date: '2025-07-18' }), 403, 'forbidden')
    })

    test("PATCH 404 for another organisation's pupil or an enrolment of another pupil", async () => {
      assertError(await bridges.patch(`/api/v1/pupils/${placed.id}/enrolments/${enrolment.id}`, { leaving_date: '2025-07-18' }), 404, 'not_found')
      const own = await create(ashfieldAdmin, newPupil())
      assertError(await ashfieldAdmin.patch(`/api/v1/pupils/${own.id}/enrolments/${enrolment.id}`, { leaving_date: '2025-07-18' }), 404, 'not_found')
      assertError(await ashfieldAdmin.patch(`/api/v1/pupils/${placed.id}/enrolments/999999`, { leaving_date: '2025-07-18' }), 404, 'not_found')
    })

    test('PATCH 401 when not signed in', async () => {
      assertError(await server.request('PATCH', `/api/v1/pupils/${placed.id}/enrolments/${enrolment.id}`, { json: {} }), 401, 'unauthenticated')
    })
  })
})
