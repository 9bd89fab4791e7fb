// What the browser tests look up in the demo data (src/app/demo.cpp) through the JSON API, with
// the browser's own session.
import assert from 'node:assert/strict'
import { signIn } from './session.mjs'

// Demo users the browser tests sign in as.
export const BALANCE_TEACHER = 'teacher@balance.example'
export const ASHFIELD_SENCO = 'senco@ashfield.example'
export const KINGSWAY_SENCO = 'senco@kingsway.example'

/** GETs `pathname` as the page's signed-in user; asserts a 200 and returns the parsed JSON. */
export async function getJson (page, baseUrl, pathname) {
  const response = await page.request.get(`${baseUrl}${pathname}`)
  assert.equal(response.status(), 200, `GET ${pathname}`)
  return response.json()
}

/**
 * A pupil placed only at Balance (some demo pupils are placed at both providers), commissioned by
 * Ashfield, whom Kingsway cannot see, as /api/v1/pupils lists them. Signs in as Kingsway's SENCo
 * and then as Balance's teacher, who is left signed in. Fails the test if the demo has none.
 */
export async function balancePupilPlacedByAshfield (page, baseUrl) {
  await signIn(page, baseUrl, KINGSWAY_SENCO)
  const kingsway = new Set((await getJson(page, baseUrl, '/api/v1/pupils?limit=200')).items.map(item => item.id))
  await signIn(page, baseUrl, BALANCE_TEACHER)
  const { items } = await getJson(page, baseUrl, '/api/v1/pupils?limit=200')
  const pupil = items.find(item =>
    item.placements.length > 0 &&
    item.placements.every(placement => placement.provider_name.startsWith('Balance') &&
      placement.commissioner_name.startsWith('Ashfield') && placement.status !== 'ended') &&
    !kingsway.has(item.id))
  assert.ok(pupil, 'the demo has a pupil placed only at Balance by Ashfield')
  return pupil
}
