// GET /api/openapi.json: the document served is docs/openapi.json, and it documents exactly the
// routes the server registers (found by reading src/web for route registrations, since there is
// no endpoint that lists routes) — each documented operation reaches a handler.
import { describe, test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { startServer, assertStatus, USERS, ROOT } from './lib/server.mjs'

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** "GET /api/v1/pupils/{id}" for every operation of the document. */
function documentedOperations (document) {
  const operations = []
  for (const [pattern, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) {
      if (METHODS.includes(method)) operations.push(`${method.toUpperCase()} ${pattern}`)
    }
  }
  return operations.sort()
}

/**
 * "METHOD /pattern" for every API route registered in src/web/api/*.cpp and src/web/web_app.cpp:
 * router.api(Method::Get, "/api/...") and router.add(Method::Post, "/api/...", ...) (also through
 * the WebApp's own router_). Only /api/ routes and /healthz: the rest are HTML pages.
 */
function registeredRoutes () {
  const webDir = path.join(ROOT, 'src/web')
  const apiDir = path.join(webDir, 'api')
  const files = readdirSync(apiDir).filter((name) => name.endsWith('.cpp')).map((name) => path.join(apiDir, name))
  files.push(path.join(webDir, 'web_app.cpp'))
  const registration = /\brouter_?\s*\.\s*(?:api|add)\s*\(\s*Method::(\w+)\s*,\s*"([^"]+)"/g
  const routes = new Set()
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    for (const [, method, pattern] of source.matchAll(registration)) {
      // A pattern ending in "/" is the start of one built in a loop ("/feedback-forms/{id}/" + action):
      // those routes are checked against the live server by the test above instead.
      if (pattern.endsWith('/')) {
        loopPrefixes.push(`${method.toUpperCase()} ${pattern}`)
        continue
      }
      if (pattern.startsWith('/api/') || pattern === '/healthz') routes.add(`${method.toUpperCase()} ${pattern}`)
    }
  }
  return [...routes].sort()
}

/** Route prefixes registered in a loop (see registeredRoutes). */
const loopPrefixes = []

/** Resolves a local "#/components/..." reference. */
function resolve (document, ref) {
  assert.match(ref, /^#\//, `only local references: ${ref}`)
  let node = document
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part]
    assert.ok(node !== undefined, `unresolved $ref ${ref}`)
  }
  return node
}

describe('OpenAPI document', () => {
  let server
  let document
  let bearer

  before(async () => {
    server = await startServer()
    bearer = server.tokens.get(USERS.balanceAdmin) ?? await server.createToken(USERS.balanceAdmin)
  })
  after(async () => { await server?.stop() })

  test('GET /api/openapi.json serves docs/openapi.json without signing in', async () => {
    const answer = await server.request('GET', '/api/openapi.json')
    assertStatus(answer, 200)
    assert.match(answer.headers.get('content-type'), /^application\/json/)
    document = answer.body
    assert.equal(document.openapi, '3.0.3')
    assert.equal(typeof document.info.title, 'string')
    const onDisk = JSON.parse(readFileSync(path.join(ROOT, 'docs/openapi.json'), 'utf8'))
    assert.deepEqual(document, onDisk, 'the binary embeds the current docs/openapi.json (rebuild after editing it)')
  })

  test('declares the bearer and cookie security schemes and the main schemas', () => {
    assert.ok(document, 'fetched above')
    const schemes = document.components.securitySchemes
    assert.deepEqual(schemes.bearerAuth, { ...schemes.bearerAuth, type: 'http', scheme: 'bearer' })
    assert.deepEqual(schemes.cookieAuth, { ...schemes.cookieAuth, type: 'apiKey', in: 'cookie', name: 'wm_session' })
    for (const name of ['Error', 'Pupil', 'PupilProfile', 'Placement', 'Enrolment', 'Organisation', 'User', 'ImportSummary']) {
      assert.ok(document.components.schemas[name], `schema ${name}`)
    }
  })

  test('every $ref resolves and every path parameter is declared', () => {
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit)
      if (node && typeof node === 'object') {
        if (typeof node.$ref === 'string') resolve(document, node.$ref)
        Object.values(node).forEach(visit)
      }
    }
    visit(document)
    for (const [pattern, item] of Object.entries(document.paths)) {
      const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
        const parameters = (item[method].parameters ?? []).map((parameter) => parameter.$ref ? resolve(document, parameter.$ref) : parameter)
        const declared = parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)
        assert.deepEqual(declared.sort(), [...names].sort(), `${method.toUpperCase()} ${pattern} path parameters`)
        assert.ok(Object.keys(item[method].responses).length > 0, `${method.toUpperCase()} ${pattern} has responses`)
      }
    }
  })

  test('the documented operations are exactly the registered routes', () => {
    const documented = documentedOperations(document)
    const registered = registeredRoutes()
    assert.ok(registered.length >= 30, `found the registrations in src/web: ${registered.length}`)
    const undocumented = registered.filter((route) => !documented.includes(route))
    const unregistered = documented.filter(
      (route) => !registered.includes(route) && !loopPrefixes.some((prefix) => route.startsWith(prefix)))
    assert.deepEqual(undocumented, [], 'registered but not documented')
    assert.deepEqual(unregistered, [], 'documented but not registered')
  })

  test('the brief\'s routes are all there', () => {
    const documented = documentedOperations(document)
    for (const route of [
      'GET /healthz', 'POST /api/v1/session', 'DELETE /api/v1/session', 'GET /api/v1/me', 'POST /api/v1/me/password',
      'GET /api/v1/tokens', 'POST /api/v1/tokens', 'DELETE /api/v1/tokens/{id}',
      'GET /api/v1/pupils', 'POST /api/v1/pupils', 'GET /api/v1/pupils/{id}', 'PATCH /api/v1/pupils/{id}',
      'GET /api/v1/pupils/{id}/audit', 'POST /api/v1/pupils/{id}/enrolments', 'PATCH /api/v1/pupils/{id}/enrolments/{enrolment_id}',
      'POST /api/v1/pupils/{id}/placements', 'GET /api/v1/placements/{id}', 'PATCH /api/v1/placements/{id}',
      'GET /api/v1/organisations', 'GET /api/v1/users', 'GET /api/v1/calendar', 'POST /api/v1/terms', 'POST /api/v1/closure-days',
      'GET /api/v1/subjects', 'GET /api/v1/teaching-groups', 'GET /api/v1/audit', 'POST /api/v1/imports/pupils'
    ]) assert.ok(documented.includes(route), route)
    const list = document.paths['/api/v1/pupils'].get.parameters.map((parameter) => parameter.name).sort()
    assert.deepEqual(list, ['commissioner_id', 'flag', 'limit', 'nc_year', 'offset', 'provider_id', 'search', 'status'])
    const flag = document.paths['/api/v1/pupils'].get.parameters.find((parameter) => parameter.name === 'flag')
    assert.equal(flag.schema.type, 'array', 'flag is repeatable')
    const imports = document.paths['/api/v1/imports/pupils'].post
    assert.ok(imports.requestBody.content['text/csv'])
    assert.ok(imports.parameters.some((parameter) => parameter.name === 'dry_run' && parameter.in === 'query'))
  })

  test('every documented operation reaches a handler (no 405, no "route not found")', async () => {
    const failures = []
    for (const operation of documentedOperations(document)) {
      const [method, pattern] = operation.split(' ')
      const urlPath = pattern.replace(/\{\w+\}/g, '999999')
      const item = document.paths[pattern][method.toLowerCase()]
      const csv = item.requestBody?.content?.['text/csv']
      const options = { auth: { bearer } }
      // Bodies that every handler rejects before writing anything (or ids that do not exist).
      if (method !== 'GET' && method !== 'DELETE') {
        if (csv) Object.assign(options, { body: 'not,a,known,header\r\n', contentType: 'text/csv' })
        else options.json = {}
      }
      // Signing out with a bearer token ends no session; it is still a real call of the route.
      const answer = await server.request(method, urlPath, options)
      const message = answer.body?.error?.message
      if (answer.status === 405 || message === 'method not allowed' ||
          (answer.status === 404 && message === 'route not found') || answer.status >= 500) {
        failures.push(`${operation}: ${answer.status} ${answer.text.slice(0, 200)}`)
      }
    }
    assert.deepEqual(failures, [])
  })

  test('every operation not marked public answers 401 without credentials', async () => {
    const failures = []
    for (const operation of documentedOperations(document)) {
      const [method, pattern] = operation.split(' ')
      const item = document.paths[pattern][method.toLowerCase()]
      const isPublic = Array.isArray(item.security) && item.security.length === 0
      const answer = await server.request(method, pattern.replace(/\{\w+\}/g, '999999'), method === 'GET' || method === 'DELETE' ? {} : { json: {} })
      if (isPublic ? answer.status === 401 : answer.status !== 401 || answer.body?.error?.kind !== 'unauthenticated') {
        failures.push(`${operation} (${isPublic ? 'public' : 'signed in'}): ${answer.status}`)
      }
    }
    assert.deepEqual(failures, [])
  })

  test('an unknown API path is 404 "route not found", and a wrong method on a known path is 405', async () => {
    const unknown = await server.request('GET', '/api/v1/nothing-here', { auth: { bearer } })
    assert.equal(unknown.status, 404)
    assert.equal(unknown.body.error.message, 'route not found')
    const wrong = await server.request('DELETE', '/api/v1/pupils', { auth: { bearer } })
    assert.equal(wrong.status, 405, `a wrong method: ${wrong.status} ${wrong.text}`)
    assert.ok(wrong.headers.get('allow')?.includes('GET'), `the Allow header lists the methods: ${JSON.stringify(wrong.headers.get('allow'))}`)
  })
})
