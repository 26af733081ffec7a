// `npm start`'s server: examples/ at /, dist/ at /dist/, nothing outside them.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startExampleServer, type ExampleServer } from '../browser/harness.js'

let examples: ExampleServer
let base: string

beforeAll(async () => {
  examples = await startExampleServer()
  base = examples.url
})

afterAll(() => examples?.close())

it('prints its url and serves the example page and the built sdk', async () => {
  const page = await fetch(base)
  expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
  expect(await page.text()).toContain('<script src="/dist/consentry.iife.js"></script>')
  const sdk = await fetch(base + 'dist/consentry.iife.js')
  expect([sdk.status, sdk.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
  const css = await fetch(base + 'site.css')
  expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8'])
})

it('answers 404 for missing files and paths that climb out of its folders', async () => {
  for (const path of [
    'nope.html',
    '..%2fpackage.json',
    '%2e%2e/package.json',
    'dist/..%2f..%2fpackage.json',
    'dist/%2e%2e/%2e%2e/package.json',
    '..%5cpackage.json',
  ]) {
    expect((await fetch(base + path)).status, path).toBe(404)
  }
})

it('refuses methods other than get and head', async () => {
  expect((await fetch(base, { method: 'POST', body: 'x' })).status).toBe(405)
  expect((await fetch(base, { method: 'HEAD' })).status).toBe(200)
})

it('serves the few vendor files the offline examples import, and nothing else of node_modules', async () => {
  const vue = await fetch(base + 'vendor/vue.esm-browser.prod.js')
  expect([vue.status, vue.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
  expect((await fetch(base + 'vendor/nanoevents.js')).status).toBe(200)
  expect((await fetch(base + 'vendor/js-cookie.mjs')).status).toBe(200)
  expect((await fetch(base + 'favicon.svg')).headers.get('content-type')).toBe('image/svg+xml')
  expect((await fetch(base + 'vendor/../package.json')).status).toBe(404)
  expect((await fetch(base + 'vendor/constructor')).status).toBe(404)
})

it('stores a valid consent record in the real receiver and refuses a malformed one', async () => {
  const record = {
    id: '4f1c2b7e-9a3d-4e5f-8a6b-1c2d3e4f5a6b',
    createdAt: '2026-11-01T09:30:00.000Z',
    updatedAt: '2026-11-01T09:30:00.000Z',
    expiresAt: '2027-05-02T09:30:00.000Z',
    revision: 1,
    choices: { necessary: true, analytics: false, marketing: false, personalization: false },
    method: 'reject-all',
    gpc: false,
    language: 'en',
    textsHash: 'abc123',
  }
  const post = (body: unknown) =>
    fetch(base + 'consent-records', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'text/plain' },
    })
  expect((await post(record)).status).toBe(204)
  expect((await post({ ...record, userAgent: 'x' })).status).toBe(400)
  // The first record opens the embedded database: a few seconds on a busy machine.
}, 60_000)
