// Signing in and out of Waymark through its own forms, and submitting forms, as a user would.
import assert from 'node:assert/strict'
import { DEMO_PASSWORD } from '../../api/lib/server.mjs'

export { DEMO_PASSWORD }

/**
 * Clicks `locator` (a submit button or a link) and waits for the navigation it starts. Returns
 * the final response, after any redirect.
 */
export async function submit (locator) {
  const [response] = await Promise.all([locator.page().waitForNavigation(), locator.click()])
  return response
}

/**
 * On the sign-in page the browser is showing, fills in `email` and `password` and clicks
 * "Sign in". Returns the response of the page that leads to. Asserts nothing: a test that
 * expects a refusal checks the response itself.
 */
export async function fillSignInForm (page, email, password = DEMO_PASSWORD) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  return submit(page.getByRole('button', { name: 'Sign in' }))
}

/**
 * Signs in as `email` at `${baseUrl}/login`, first clearing the context's cookies so that this
 * also switches from any user already signed in. Fails the test if it is left on the sign-in
 * page. Returns the response of the page signing in leads to.
 */
export async function signIn (page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.context().clearCookies()
  await page.goto(`${baseUrl}/login`)
  const response = await fillSignInForm(page, email, password)
  assert.ok(!page.url().includes('/login'), `${email} could not sign in`)
  return response
}

/** Clicks "Sign out" in the header and waits for the page it leads to; returns its response. */
export async function signOut (page) {
  return submit(page.getByRole('button', { name: 'Sign out' }))
}
