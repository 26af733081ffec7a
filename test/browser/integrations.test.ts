// Signals and integrations in real Chromium (DESIGN §5): Google Consent Mode, GPC, records, tabs.
import type { Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { consentState, sitePage, useBrowserSuite } from './harness.js'
import type { SdkWindow, VisitOptions } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()

beforeAll(async () => {
  // What the receiver does with the beacons is test/browser/receiver.test.ts's and test/node/receiver.test.ts's.
  suite.server.route('/records', (_req, res) => {
    res.writeHead(204)
    res.end()
  })
  // A gtag.js-like loader: it reads the consent state Google's tags would see when they start.
  suite.server.script(
    '/tags/gtag.js',
    `window.__order.push('gtag.js ran, dataLayer had ' + dataLayer.length + ' entries')`,
  )
})
afterEach(async () => {
  suite.server.clear()
})

const visit = (html: string, opts?: VisitOptions) => suite.visit({ html }, { host: HOST, ...opts })
const act = (page: Page, what: 'acceptAll' | 'rejectAll') =>
  page.evaluate((w) => (window as SdkWindow).consentry[w](), what)

/** A tag-manager-like consumer that logs every dataLayer entry in order, set up before the SDK. */
const DATA_LAYER_LOG = `<script>
  window.__order = [];
  window.dataLayer = [];
  const push = dataLayer.push.bind(dataLayer);
  dataLayer.push = (...entries) => {
    for (const e of entries) __order.push(e.event ? 'event ' + e.event : Array.from(e).slice(0, 2).join(' ') + ' ' + JSON.stringify(e[2]));
    return push(...entries);
  };
</script>`
const GCM_PAGE = (extra = '') =>
  sitePage({ config: { googleConsentMode: true } }).replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">' + DATA_LAYER_LOG + extra,
  ) +
  `<script type="text/plain" data-consent="analytics" src="/tags/gtag.js"></script>
   <script type="text/plain" data-consent="analytics">gtag('js', 1); gtag('config', 'G-TEST'); __order.push('inline config ran')</script>`
const DENIED =
  '{"security_storage":"granted","analytics_storage":"denied","ad_storage":"denied","ad_user_data":"denied","ad_personalization":"denied","personalization_storage":"denied","functionality_storage":"denied"}'
const GRANTED = DENIED.replace(/"denied"/g, '"granted"')
const order = (page: Page) => page.evaluate(() => (window as unknown as { __order: string[] }).__order)
const until = (page: Page, size: number) =>
  page.waitForFunction((n) => (window as unknown as { __order: string[] }).__order.length >= n, size)

describe('google consent mode', () => {
  it('queues the denied default before any gated tag, and an update with an event on consent', async () => {
    const { page, context } = await visit(GCM_PAGE())
    expect(await order(page)).toEqual(['consent default ' + DENIED])
    expect(suite.server.requested('/tags/gtag.js')).toBe(false)
    await act(page, 'acceptAll')
    await until(page, 7)
    // Gated scripts run in document order: the loader first, then its inline config.
    expect(await order(page)).toEqual([
      'consent default ' + DENIED,
      'consent update ' + GRANTED,
      'event consentry_update',
      'gtag.js ran, dataLayer had 3 entries',
      'js 1 undefined',
      'config G-TEST undefined',
      'inline config ran',
    ])
    // After a reload, the stored decision follows the default before the tag starts.
    await page.reload()
    await until(page, 7)
    expect((await order(page)).slice(0, 3)).toEqual([
      'consent default ' + DENIED,
      'consent update ' + GRANTED,
      'event consentry_update',
    ])
    expect(await context.cookies()).toHaveLength(1)
  })

  it('sends updates through a gtag the site defined first', async () => {
    const own = `<script>window.__calls = 0; window.gtag = function () { __calls++; dataLayer.push(arguments) }</script>`
    const { page } = await visit(GCM_PAGE(own))
    await act(page, 'rejectAll')
    expect(await page.evaluate(() => (window as unknown as { __calls: number }).__calls)).toBe(2)
    expect(await order(page)).toEqual([
      'consent default ' + DENIED,
      'consent update ' + DENIED,
      'event consentry_update',
    ])
  })
})

describe('global privacy control', () => {
  it('leaves marketing off on accept all and records that the signal was on', async () => {
    const { page } = await visit(sitePage(), { gpc: true })
    await act(page, 'acceptAll')
    const state = await consentState(page)
    expect(state.choices).toEqual({ necessary: true, analytics: true, marketing: false, personalization: true })
    expect(state.record).toMatchObject({ gpc: true, method: 'accept-all' })
    await page.evaluate(() => (window as SdkWindow).consentry.set({ marketing: true }))
    expect((await consentState(page)).record).toMatchObject({
      gpc: true,
      method: 'custom',
      choices: { marketing: true },
    })
  })

  it('tells the visitor in the banner that the signal is honoured', async () => {
    const { page } = await visit(sitePage(), { gpc: true })
    const notice = page.getByRole('region', { name: 'Cookie consent' }).getByText(/Global Privacy Control/)
    await notice.waitFor({ state: 'visible', timeout: 3000 })
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByText(/Global Privacy Control/).waitFor({ state: 'visible', timeout: 3000 })
  })
})

describe('consent records', () => {
  it('beacons each decision to the endpoint', async () => {
    const { page } = await visit(sitePage({ config: { recordEndpoint: '/records', reloadOnWithdraw: false } }))
    await act(page, 'acceptAll')
    await page.evaluate(() => (window as SdkWindow).consentry.set({ marketing: false }))
    const record = (await consentState(page)).record!
    await expect.poll(() => suite.server.requests.filter((r) => r.path == '/records').length).toBe(2)
    const sent = suite.server.requests.filter((r) => r.path == '/records').map((r) => JSON.parse(r.body))
    expect(sent[1]).toEqual({ ...record, textsHash: expect.stringMatching(/^[0-9a-z]+$/) })
    expect(sent.map((s) => s.method)).toEqual(['accept-all', 'withdraw'])
  })
})

describe('tabs', () => {
  const TAB_PAGE = sitePage({
    config: { reloadOnWithdraw: true },
    body: `<main><h1>Shop</h1></main>
      <script type="text/plain" data-consent="analytics">document.body.dataset.analytics = 'ran'</script>`,
  })

  it('applies a decision made in another tab within a second, running its newly granted tags', async () => {
    const first = await visit(TAB_PAGE)
    const second = await first.context.newPage()
    await second.goto(first.url)
    await act(first.page, 'acceptAll')
    await second.waitForFunction(() => (window as SdkWindow).consentry.has('analytics'), undefined, { timeout: 1000 })
    await second.waitForFunction(() => document.body.dataset.analytics == 'ran', undefined, { timeout: 1000 })
  })

  it('cleans up and reloads the other tab on a withdrawal', async () => {
    const first = await visit(TAB_PAGE)
    await act(first.page, 'acceptAll')
    const second = await first.context.newPage()
    await second.goto(first.url)
    await second.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1))
    const reloaded = second.waitForEvent('load', { timeout: 2000 })
    await first.page.evaluate(() => (window as SdkWindow).consentry.set({ analytics: false }))
    await reloaded
    expect(await second.evaluate(() => 'marker' in window || '__marker' in window)).toBe(false)
    expect((await consentState(second)).choices.analytics).toBe(false)
  })
})
