// Withdrawal in real Chromium (DESIGN §2): what a withdrawn category stored is deleted on every
// domain and path variant the page can reach, then the page reloads once, never in a loop.
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { settled, sitePage, useBrowserSuite } from './harness.js'
import type { SdkWindow } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()

beforeAll(async () => {
  suite.server.route('/g/collect', (_req, res) => void res.writeHead(204).end())
  // A cookie the server sets on the parent domain: it cannot be prevented, but it can be deleted.
  suite.server.route(
    '/api/session',
    (_req, res) => void res.writeHead(204, { 'Set-Cookie': '_srv=1; Domain=site.test; Path=/; Max-Age=3600' }).end(),
  )
})
afterEach(async () => {
  suite.server.clear()
})

const config = (extra = {}) => ({
  categories: {
    analytics: { cookies: ['_ga', '/^_ga_/', '_srv'], storage: ['/^amp_/'] },
    marketing: { cookies: ['_fbp'], storage: ['fb'] },
  },
  ...extra,
})

/** The GA4-like loader (parent-domain cookies) plus page code storing more, all gated by analytics. */
const body = () => `<p data-consent="!analytics" id="fallback">Analytics is off.</p>
  <script type="text/plain" data-consent="analytics">window.dataLayer = [['config', 'G-TEST1']]</script>
  <script type="text/plain" data-consent="analytics" src="${suite.server.url('/fixtures/blocker/gtag.js', 'tags.test')}"></script>
  <script type="text/plain" data-consent="analytics">
    document.cookie = '_ga_PATH=1;path=/shop;max-age=3600';
    document.cookie = '_ga_DEEP=1;path=/shop/cart/;max-age=3600';
    localStorage.setItem('amp_device', '1'); sessionStorage.setItem('amp_session', '1');
    fetch('/api/session').then(() => window.stored = true)
  </script>
  <script type="text/plain" data-consent="marketing">document.cookie = '_fbp=fb.1;domain=site.test;path=/;max-age=3600'; localStorage.setItem('fb', '1')</script>`

let pages = 0
async function visit(extra = {}) {
  const path = `/shop/cart/view${++pages}`
  const opened = await suite.visit({ html: sitePage({ config: config(extra), body: body() }), path }, { host: HOST })
  return { ...opened, path }
}

const names = async (context: BrowserContext) =>
  (await context.cookies()).map((c) => `${c.name} ${c.domain}${c.path}`).sort()
const loads = (path: string) => suite.server.requests.filter((r) => r.path == path).length
const sdk = (page: Page, call: string) =>
  // Deferred, so the evaluate returns before the page reloads under it.
  page.evaluate((c) => void setTimeout(() => new Function('consent', c)((window as SdkWindow).consentry)), call)

async function grantEverything(page: Page, context: BrowserContext) {
  await sdk(page, 'consent.acceptAll()')
  await page.waitForFunction(
    () => (window as { stored?: boolean; gtagRan?: string }).stored && (window as { gtagRan?: string }).gtagRan,
  )
  await expect
    .poll(() => names(context))
    .toEqual([
      '_fbp .site.test/',
      '_ga .site.test/',
      '_ga_DEEP www.site.test/shop/cart/',
      '_ga_PATH www.site.test/shop',
      '_ga_TEST1 .site.test/',
      '_srv .site.test/',
      'consentry www.site.test/',
    ])
}

describe('withdrawal', () => {
  it('deletes the parent-domain, path and server-set cookies and storage of a withdrawn category, then reloads once', async () => {
    const { page, context, path } = await visit()
    await grantEverything(page, context)
    suite.server.clear()
    const reloaded = page.waitForEvent('load')
    await sdk(page, 'consent.set({ analytics: false })')
    await reloaded
    await settled(page)
    expect(await names(context)).toEqual(['_fbp .site.test/', 'consentry www.site.test/'])
    expect(
      await page.evaluate(() => [
        localStorage.getItem('amp_device'),
        sessionStorage.getItem('amp_session'),
        localStorage.getItem('fb'),
      ]),
    ).toEqual([null, null, '1'])
    expect(loads(path)).toBe(1)
    expect(suite.server.requested('gtag.js')).toBe(false)
    expect(await page.evaluate(() => (window as SdkWindow).consentry.get())).toMatchObject({
      analytics: false,
      marketing: true,
    })
  })

  it('reloads once after a reset too, and the reloaded page asks again without reloading', async () => {
    const { page, context, path } = await visit()
    await grantEverything(page, context)
    suite.server.clear()
    const reloaded = page.waitForEvent('load')
    await sdk(page, 'consent.reset()')
    await reloaded
    await settled(page)
    expect(loads(path)).toBe(1)
    expect(await names(context)).toEqual([])
    expect(await page.evaluate(() => (window as SdkWindow).consentry.decided)).toBe(false)
  })

  it('cleans up without reloading when reloadOnWithdraw is off, and shows the fallback again', async () => {
    const { page, context, path } = await visit({ reloadOnWithdraw: false })
    await grantEverything(page, context)
    expect(await page.locator('#fallback').isVisible()).toBe(false)
    await sdk(page, 'consent.set({ analytics: false })')
    await expect.poll(() => names(context)).toEqual(['_fbp .site.test/', 'consentry www.site.test/'])
    expect(await page.locator('#fallback').isVisible()).toBe(true)
    expect(loads(path)).toBe(1)
  })

  it('does not reload when consent is only added', async () => {
    const { page, path } = await visit()
    await sdk(page, 'consent.set({ analytics: true })')
    await page.waitForFunction(() => (window as { stored?: boolean }).stored)
    await sdk(page, 'consent.set({ marketing: true })')
    await page.waitForFunction(() => localStorage.getItem('fb') == '1')
    await settled(page)
    expect(loads(path)).toBe(1)
  })
})
