// Real tracker SDKs from npm behind Consentry, in Chromium (issue 13): PostHog, Mixpanel, Segment
// and Sentry with replay, bundled into a site page by esbuild, and the gtag.js snippet as sites
// paste it. Each in two integrations: careless (started at load, held by `block` rules and the
// storage guard) and recommended (`consentry/start` imported first, the SDK started by
// `consent.when()`). Every vendor host is answered by a Playwright route, so nothing leaves the
// machine and the route's log is the witness; a request to sentinel.example marks "everything the
// page did so far".
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page, Route } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { sitePage, useBrowserSuite } from './harness.js'
import type { SdkWindow } from './harness.js'

const root = (path: string): string => fileURLToPath(new URL('../../' + path, import.meta.url))
const FIXTURES = root('test/browser/fixtures/trackers')
const HOST = 'www.site.test'
const SENTINEL = 'https://sentinel.example/'

/** Each SDK's recipe (docs/recipes.md), as the site's config block. */
const RECIPES: Record<string, { block: string[]; cookies: string[]; storage: string[] }> = {
  posthog: {
    block: ['posthog.com'],
    cookies: ['/^ph_.+_posthog$/', '/^__ph_opt_in_out_/'],
    storage: ['/^ph_/', '/^__ph_opt_in_out_/'],
  },
  mixpanel: {
    block: ['mixpanel.com', 'mxpnl.com'],
    cookies: ['/^mp_.+_mixpanel$/', '/^__mp_opt_in_out_/'],
    storage: ['/^__mp/', '/^mp_/', 'mixpanelBrowserDb', 'mixpanelFlagsDb'],
  },
  segment: {
    block: ['segment.com', 'segment.io'],
    cookies: ['/^ajs_/'],
    storage: ['/^ajs_/', '/^persisted-queue:v1:/'],
  },
  sentry: { block: ['sentry.io', 'sentry-cdn.com'], cookies: [], storage: ['sentryReplaySession'] },
  gtag: {
    block: ['googletagmanager.com/gtag/js', 'google-analytics.com', 'analytics.google.com'],
    cookies: ['_ga', '/^_ga_/'],
    storage: [],
  },
}
const SDKS = ['posthog', 'mixpanel', 'segment', 'sentry']

const suite = useBrowserSuite()

/** The SDK bundles, built once per change of their sources, the SDKs or dist/, in a temp dir. */
async function bundle(): Promise<string> {
  const hash = createHash('sha256')
  for (const file of readdirSync(FIXTURES).sort()) hash.update(file).update(readFileSync(join(FIXTURES, file)))
  for (const file of readdirSync(root('dist'))
    .filter((f) => f.endsWith('.mjs'))
    .sort())
    hash.update(readFileSync(root('dist/' + file)))
  hash.update(readFileSync(root('package-lock.json')))
  const dir = join(tmpdir(), 'consentry-trackers-' + hash.digest('hex').slice(0, 16))
  if (!existsSync(join(dir, 'done'))) {
    mkdirSync(dir, { recursive: true })
    await build({
      entryPoints: SDKS.map((name) => join(FIXTURES, name + '.js')),
      bundle: true,
      format: 'iife',
      outdir: dir,
      alias: { 'consentry/start': root('dist/start.mjs') },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    })
    writeFileSync(join(dir, 'done'), '')
  }
  return dir
}

beforeAll(async () => {
  const dir = await bundle()
  for (const name of SDKS) suite.server.script(`/site/${name}.js`, readFileSync(join(dir, name + '.js'), 'utf8'))
}, 120_000)

const GTAG = readFileSync(join(FIXTURES, 'gtag-stub.js'), 'utf8')
const SEGMENT_SETTINGS = {
  integrations: { 'Segment.io': { apiKey: 'wk_test', apiHost: 'api.segment.io/v1' } },
  plan: {},
  edgeFunction: {},
}

/** A vendor's answer: gtag.js's stand-in, Segment's settings, an empty script or `{}`. */
function answer(route: Route): Promise<void> {
  const url = new URL(route.request().url())
  const headers = { 'Access-Control-Allow-Origin': '*' }
  if (url.hostname == 'www.googletagmanager.com' && url.pathname == '/gtag/js')
    return route.fulfill({ contentType: 'text/javascript', body: GTAG, headers })
  if (url.hostname == 'cdn.segment.com' && url.pathname.endsWith('/settings'))
    return route.fulfill({ json: SEGMENT_SETTINGS, headers })
  if (url.pathname.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: '', headers })
  return route.fulfill({ json: {}, headers })
}

/** The page's HTML in each integration. The gtag snippet is Google's, pasted as is or started by when(). */
function html(sdk: string, integration: 'careless' | 'when'): string {
  const config = { categories: { analytics: RECIPES[sdk] } }
  const footer = '<main><h1>Shop</h1></main><footer><div data-consentry-footer></div></footer>'
  const loader = "'https://www.googletagmanager.com/gtag/js?id=G-TEST'"
  const gtag =
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');"
  if (sdk == 'gtag')
    return sitePage({
      config,
      body: footer,
      head:
        integration == 'careless'
          ? `<script async src=${loader}></script>\n<script>${gtag}</script>`
          : `<script>${gtag}\nconsentry.when('analytics', () => { const s = document.createElement('script'); s.async = true; s.src = ${loader}; document.head.append(s) })</script>`,
    })
  const mark = `<script>window.integration = '${integration}'</script>`
  if (integration == 'careless')
    return sitePage({ config, body: footer, head: `${mark}\n<script src="/site/${sdk}.js" defer></script>` })
  // Recommended: no script tag; the bundle imports consentry/start first.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
${mark}
<script src="/site/${sdk}.js"></script>
</head><body>${footer}</body></html>`
}

interface Visit {
  context: BrowserContext
  page: Page
  /** Vendor URLs requested, in order, the sentinel's included. */
  vendor: string[]
  errors: string[]
}

async function open(sdk: string, integration: 'careless' | 'when'): Promise<Visit> {
  const path = `/${sdk}-${integration}`
  suite.server.page(path, html(sdk, integration))
  const context = suite.track(await suite.browser.newContext())
  // What Consentry reported as held back, from its DOM event.
  await context.addInitScript(() => {
    const seen: unknown[] = ((window as { blocked?: unknown[] }).blocked = [])
    document.addEventListener('consentry:blocked', (event) => seen.push((event as CustomEvent).detail))
  })
  const vendor: string[] = []
  // Everything that is not the site: answered here, never by the network.
  await context.route(
    (url) => !url.hostname.endsWith('.test') && url.hostname != '127.0.0.1',
    (route) => {
      vendor.push(route.request().url())
      return answer(route)
    },
  )
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(suite.server.url(path, HOST))
  return { context, page, vendor, errors }
}

/** Every vendor request the page made before a sentinel request, once the page has loaded. */
async function requestedBeforeSentinel({ page, vendor }: Visit): Promise<string[]> {
  await page.waitForLoadState('load')
  const mark = SENTINEL + vendor.length + Math.random()
  await page.evaluate((url) => new Promise((done) => setTimeout(() => fetch(url).then(done, done))), mark)
  await expect.poll(() => vendor.includes(mark)).toBe(true)
  return vendor.slice(0, vendor.indexOf(mark)).filter((url) => !url.startsWith(SENTINEL))
}

/** Cookies (but Consentry's), localStorage and sessionStorage keys and IndexedDB databases. */
async function stored({ context, page }: Visit): Promise<string[]> {
  const cookies = (await context.cookies()).map((c) => 'cookie ' + c.name).filter((name) => name != 'cookie consentry')
  const areas = await page.evaluate(async () => [
    ...Object.keys(localStorage).map((key) => 'local ' + key),
    ...Object.keys(sessionStorage).map((key) => 'session ' + key),
    ...(await indexedDB.databases()).map((db) => 'idb ' + db.name),
  ])
  return [...cookies, ...areas].sort()
}

const settings = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' })

/** Loads of the main frame from now on. */
function countLoads(page: Page): () => number {
  let loads = 0
  page.on('load', () => loads++)
  return () => loads
}

// gtag.js's loader in the HTML is fetched by the preload scanner before any script runs; gated,
// it never runs. Nothing else may leave.
const preload = (sdk: string, integration: string) => (url: string) =>
  !(sdk == 'gtag' && integration == 'careless' && url.includes('/gtag/js'))

describe('real tracker SDKs behind Consentry', () => {
  for (const sdk of [...SDKS, 'gtag'])
    for (const integration of ['careless', 'when'] as const)
      it(`${sdk}, ${integration}: nothing before a decision or after reject all, works after accept all, withdrawal leaves nothing`, async () => {
        const visit = await open(sdk, integration)
        const { page, vendor } = visit
        const leaked = preload(sdk, integration)

        // First visit: no decision. Started at load, the SDK tried, and each thing held back was reported.
        expect((await requestedBeforeSentinel(visit)).filter(leaked)).toEqual([])
        expect(await stored(visit)).toEqual([])
        const blocked = await page.evaluate(
          () => (window as unknown as { blocked: { kind: string; keys: string[] }[] }).blocked,
        )
        if (integration == 'careless') expect(blocked.length).toBeGreaterThan(0)
        else expect(blocked).toEqual([])
        expect(blocked.every((entry) => entry.keys.join() == 'analytics')).toBe(true)

        // Reject all, next page view.
        await page.getByRole('button', { name: 'Reject all' }).click()
        vendor.length = 0
        await page.reload()
        expect((await requestedBeforeSentinel(visit)).filter(leaked)).toEqual([])
        expect(await stored(visit)).toEqual([])
        expect(visit.errors).toEqual([])

        // Accept all from the settings: when() starts the SDK at once, and so does the pasted gtag.js
        // snippet (its held script runs); the careless npm integrations are checked on the next page view.
        vendor.length = 0
        await page.evaluate(() => (window as SdkWindow).consentry.openSettings())
        await settings(page).getByRole('button', { name: 'Accept all' }).click()
        if (integration == 'careless' && sdk != 'gtag') await page.reload()
        await expect
          .poll(() => vendor.filter((url) => !url.startsWith(SENTINEL) && leaked(url)).length, { timeout: 15_000 })
          .toBeGreaterThan(0)
        await expect.poll(() => stored(visit), { timeout: 15_000 }).not.toEqual([])
        expect(visit.errors).toEqual([])

        // Withdraw analytics: one reload; afterwards nothing sent and nothing of it left.
        const loads = countLoads(page)
        await page.evaluate(() => (window as SdkWindow).consentry.openSettings())
        await settings(page).getByRole('switch', { name: 'Analytics' }).click()
        vendor.length = 0
        await Promise.all([
          page.waitForEvent('load'),
          settings(page).getByRole('button', { name: 'Save settings' }).click(),
        ])
        expect((await requestedBeforeSentinel(visit)).filter(leaked)).toEqual([])
        await expect.poll(() => stored(visit)).toEqual([])
        expect(loads()).toBe(1)
        expect(visit.errors).toEqual([])
      })
})

describe('same-origin iframes', () => {
  it('hand out a patched fetch, beacon and cookie jar, in about:blank and srcdoc frames alike', async () => {
    const config = { categories: { analytics: { block: ['vendor.example'], cookies: ['_vid'], storage: ['vid'] } } }
    suite.server.page('/frames', sitePage({ config }))
    const context = suite.track(await suite.browser.newContext())
    const vendor: string[] = []
    await context.route(
      (url) => !url.hostname.endsWith('.test') && url.hostname != '127.0.0.1',
      (route) => {
        vendor.push(route.request().url())
        return route.fulfill({ json: {} })
      },
    )
    const page = await context.newPage()
    await page.goto(suite.server.url('/frames', HOST))
    const outcome = await page.evaluate(async () => {
      const results: string[] = []
      for (const kind of ['blank', 'srcdoc']) {
        const frame = document.createElement('iframe')
        if (kind == 'srcdoc') frame.srcdoc = '<p>frame</p>'
        document.body.append(frame)
        if (kind == 'srcdoc') await new Promise((done) => frame.addEventListener('load', done, { once: true }))
        // What an SDK does to get past a patched fetch: take the frame's own.
        const child = frame.contentWindow as Window & typeof globalThis
        const fetched = await child.fetch('https://vendor.example/e').then(
          () => 'sent',
          (error) => error.name,
        )
        const beacon = child.navigator.sendBeacon('https://vendor.example/b', 'x')
        child.document.cookie = '_vid=1; path=/'
        child.localStorage.setItem('vid', '1')
        results.push(`${kind}: ${fetched} ${beacon} ${document.cookie.includes('_vid')} ${localStorage.getItem('vid')}`)
      }
      await fetch('https://sentinel.example/')
      return results
    })
    expect(outcome).toEqual(['blank: TypeError false false null', 'srcdoc: TypeError false false null'])
    expect(vendor).toEqual(['https://sentinel.example/'])
  })
})

describe('the Cookie Store API', () => {
  it('writes no declared cookie through cookieStore.set before consent, and lets deletions and others through', async () => {
    const config = { categories: { analytics: { cookies: ['_dd_s'] } } }
    // cookieStore needs a secure context: 127.0.0.1 is one.
    suite.server.page('/cookie-store', sitePage({ config }))
    const context = suite.track(await suite.browser.newContext())
    const page = await context.newPage()
    await page.goto(suite.server.url('/cookie-store'))
    const names = () => page.evaluate(async () => (await cookieStore.getAll()).map((c) => c.name).sort())
    await page.evaluate(async () => {
      await cookieStore.set('_dd_s', 'a')
      await cookieStore.set({ name: '_dd_s', value: 'b', path: '/' })
      await cookieStore.set('theme', 'dark')
    })
    expect(await names()).toEqual(['theme'])
    // One set by the server: a deletion through an expiry in the past goes through.
    await context.addCookies([{ name: '_dd_s', value: 'server', url: suite.server.url('/') }])
    await page.evaluate(() => cookieStore.set({ name: '_dd_s', value: '', expires: Date.now() - 1000 }))
    expect(await names()).toEqual(['theme'])
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    await page.evaluate(() => cookieStore.set('_dd_s', 'c'))
    expect(await names()).toEqual(['_dd_s', 'consentry', 'theme'])
  })
})
