// The catalogue's presets against the vendors' real npm clients in real Chromium (DESIGN §7): each client is
// bundled with esbuild, initialised at load without waiting for consent (the worst case: a site bundling an SDK),
// and the page runs the built script-tag Consentry configured by nothing but the preset. Vendor hosts never reach
// the network: a Playwright route answers them and is the witness of what left the page.
// Hotjar's and Clarity's npm clients only insert the vendor's CDN tag script; that script is not on npm, so the
// route answers it with a local stand-in that does nothing but say it ran. For those two the test proves the block
// rules (the tag never loads before consent and loads after it); their cookie lists come from the vendors' docs.
import { build } from 'esbuild'
import type { BrowserContext, Page, Route } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { toTest } from '../../src/blocker/patterns'
import { amplitude, hotjar, microsoftClarity, mixpanel, posthog, sentryReplay, withVendors } from '../../src/vendors'
import type { Vendor } from '../../src/vendors'
import { sitePage, useBrowserSuite } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()

interface Case {
  vendor: Vendor
  /** Entry module: imports the real client from node_modules and starts it as its docs say. */
  entry: string
  /** Does the npm client itself store anything? (Hotjar's and Clarity's only load the CDN tag.) */
  stores: boolean
}

const CASES: Case[] = [
  {
    vendor: posthog,
    stores: true,
    entry: `import posthog from 'posthog-js'
      posthog.init('phc_consentrytest', { api_host: 'https://us.i.posthog.com', request_batching: false })
      posthog.capture('signed_up')`,
  },
  {
    vendor: mixpanel,
    stores: true,
    entry: `import mixpanel from 'mixpanel-browser'
      mixpanel.init('consentrytesttoken', { batch_requests: false, track_pageview: true })
      mixpanel.track('signed_up')`,
  },
  {
    vendor: amplitude,
    stores: true,
    entry: `import * as amplitude from '@amplitude/analytics-browser'
      amplitude.init('0123456789abcdef0123456789abcdef', { flushQueueSize: 1, flushIntervalMillis: 100 })
      amplitude.track('signed_up')`,
  },
  {
    vendor: sentryReplay,
    stores: true,
    entry: `import * as Sentry from '@sentry/browser'
      Sentry.init({
        dsn: 'https://0123456789abcdef@o1.ingest.us.sentry.io/2',
        integrations: [Sentry.replayIntegration()],
        replaysSessionSampleRate: 1,
      })
      Sentry.captureMessage('signed_up')`,
  },
  {
    vendor: hotjar,
    stores: false,
    entry: `import Hotjar from '@hotjar/browser'
      Hotjar.init(1234567, 6)`,
  },
  {
    vendor: microsoftClarity,
    stores: false,
    entry: `import Clarity from '@microsoft/clarity'
      Clarity.init('consentry1')`,
  },
]

/** The stand-ins for the two CDN tag scripts the npm clients insert. */
const STAND_INS: [RegExp, string][] = [
  [/^https:\/\/static\.hotjar\.com\/c\/hotjar-/, 'window.vendorTagRan = "hotjar"'],
  [/^https:\/\/www\.clarity\.ms\/tag\//, 'window.vendorTagRan = "clarity"'],
]

const local = (url: URL) => url.hostname == '127.0.0.1' || url.hostname.endsWith('.test')

/** Every request that left the page for a vendor host, answered locally; the witness of leaks. */
async function vendorNetwork(context: BrowserContext): Promise<string[]> {
  const log: string[] = []
  await context.route(
    (url) => !local(url),
    (route: Route) => {
      const url = route.request().url()
      log.push(url)
      const standIn = STAND_INS.find(([pattern]) => pattern.test(url))
      if (standIn) return route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn[1] })
      // What the clients' APIs answer when they accept a batch: an empty JSON object is enough for all of them.
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{}',
        headers: { 'Access-Control-Allow-Origin': '*' },
      })
    },
  )
  return log
}

/** The names of everything the page's origin stores: cookies, localStorage and sessionStorage keys, IndexedDB names. */
async function stored(page: Page, context: BrowserContext) {
  const cookies = (await context.cookies()).map((cookie) => cookie.name).filter((name) => name != 'consentry')
  const storage = await page.evaluate(async () => [
    ...Object.keys(localStorage),
    ...Object.keys(sessionStorage),
    ...(await indexedDB.databases()).map((db) => db.name!),
  ])
  return { cookies: [...new Set(cookies)].sort(), storage: [...new Set(storage)].sort() }
}

const covered = (patterns: string[], name: string) => patterns.some((pattern) => toTest(pattern, true)(name))

beforeAll(async () => {
  for (const { vendor, entry } of CASES) {
    const bundle = await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      logLevel: 'silent',
    })
    suite.server.script(`/bundles/${vendor.id}.js`, bundle.outputFiles[0]!.text)
  }
  suite.server.route('/sentinel', (_req, res) => void res.writeHead(204).end())
  suite.server.page('/blank', '<!doctype html><title>Blank</title>')
}, 60_000)

/**
 * Runs between Consentry and the client: notes every URL the page tries to reach off-site (fetch, XHR, beacon,
 * script src), then hands the call on to whatever Consentry made of it. The fact that the client did try. A block,
 * so its names stay out of the global scope (a global `const fetch` would shadow window.fetch for every script).
 */
const PROBE = `<script>{
  const note = (url) => {
    const u = new URL(String(url), location.href)
    if (u.hostname != '127.0.0.1' && !u.hostname.endsWith('.test')) window.attempts.push(u.href)
  }
  const fetch = window.fetch
  window.fetch = function (input) { note(input instanceof Request ? input.url : input); return fetch.apply(this, arguments) }
  const open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url) { note(url); return open.apply(this, arguments) }
  const beacon = Navigator.prototype.sendBeacon
  Navigator.prototype.sendBeacon = function (url) { note(url); return beacon.apply(this, arguments) }
  const src = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')
  Object.defineProperty(HTMLScriptElement.prototype, 'src', { ...src, set(value) { note(value); src.set.call(this, value) } })
}</script>`

/** The names among `found` that the preset does not declare. */
function undeclared(vendor: Vendor, found: { cookies: string[]; storage: string[] }) {
  const cookieNames = vendor.cookies.map((cookie) => cookie.name)
  return {
    cookies: found.cookies.filter((name) => !covered(cookieNames, name)),
    storage: found.storage.filter((name) => !covered(vendor.storage, name)),
  }
}

describe.each(CASES.map((c) => [c.vendor.id, c] as const))(
  'the %s preset with the real npm client',
  (id, { vendor, stores }) => {
    it('sends and stores nothing before consent, and declares everything the client stores after it', async () => {
      suite.server.page(
        `/${id}`,
        sitePage({ config: withVendors({}, vendor), head: `${PROBE}<script src="/bundles/${id}.js"></script>` }),
      )
      // What Consentry reports it held back (DESIGN §2) is the other witness of an attempt: a client that takes its
      // fetch from a fresh iframe (Sentry) never meets the probe.
      const { page, context, logs } = await suite.visit('/blank', {
        host: HOST,
        initScript: `window.attempts = []
        document.addEventListener('consentry:blocked', (event) => /^https:/.test(event.detail.what) && window.attempts.push(event.detail.what))`,
      })
      const network = await vendorNetwork(context)
      await page.goto(suite.server.url(`/${id}`, HOST))

      // Fact: the client tried to reach its vendor. Sentinel: a request made after that is logged, so one sent before
      // it would be too.
      await expect
        .poll(() => page.evaluate(() => (window as { attempts?: string[] }).attempts!.length), { timeout: 15_000 })
        .toBeGreaterThan(0)
      await page.evaluate(() => fetch('/sentinel?before-consent'))
      expect(suite.server.requested('/sentinel?before-consent', HOST)).toBe(true)
      expect(network).toEqual([])
      expect(await stored(page, context)).toEqual({ cookies: [], storage: [] })
      expect(logs.filter((line) => line.includes('[consentry]'))).toEqual([])

      // A returning visitor with consent: the client starts again, reaches its vendor and stores what it keeps.
      await page.getByRole('button', { name: 'Accept all' }).click()
      await expect.poll(() => page.evaluate(() => document.cookie)).toContain('consentry=')
      await page.reload()
      await expect.poll(() => network.length, { timeout: 15_000 }).toBeGreaterThan(0)
      if (!stores) {
        await expect
          .poll(() => page.evaluate(() => (window as { vendorTagRan?: string }).vendorTagRan))
          .toBe(id.split('-').pop())
        return
      }
      await expect
        .poll(async () => Object.values(await stored(page, context)).flat().length, { timeout: 15_000 })
        .toBeGreaterThan(0)
      const after = await stored(page, context)
      expect(undeclared(vendor, after)).toEqual({ cookies: [], storage: [] })
    })
  },
)
