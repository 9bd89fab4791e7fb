// Choosing demo pupils for the API suites by what the API says about them, never by id: the demo
// places most pupils at one provider and a few at both, and only a pupil placed at exactly one
// provider is invisible to the other (the 404 cases need such a pupil).
import assert from 'node:assert/strict'

/**
 * Profiles ({pupil, placements, ...}) of the pupils `client` sees whose only placement is a
 * current one at `providerId`, commissioned by `commissionerId`, in list order. Stops after `max`.
 */
export async function pupilsPlacedOnlyAt (client, providerId, commissionerId, max = 5) {
  const list = await client.get(`/api/v1/pupils?provider_id=${providerId}&status=active&limit=200`)
  assert.equal(list.status, 200, list.text)
  const found = []
  for (const item of list.body.items) {
    const id = item.id ?? item.pupil?.id
    const answer = await client.get(`/api/v1/pupils/${id}`)
    assert.equal(answer.status, 200, answer.text)
    const placements = answer.body.placements
    if (placements.length === 1 && placements[0].provider_id === providerId &&
        placements[0].commissioner_id === commissionerId && placements[0].status === 'active') {
      found.push(answer.body)
      if (found.length >= max) break
    }
  }
  return found
}
