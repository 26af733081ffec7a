// The script-tag entry in real Chromium: loading, DOM events, the stored decision (DESIGN §1, §4, §6).
import { describe, expect, it } from 'vitest'
import { consentState, cookieValue, getCookie, sitePage, useBrowserSuite, warnings } from './harness.js'
import type { OpenedPage, SdkWindow, VisitOptions } from './harness.js'

const HOST = 'www.site.test'
const DAY = 86_400
const NOTHING = { necessary: true, analytics: false, marketing: false, personalization: false }
const EVERYTHING = { necessary: true, analytics: true, marketing: true, personalization: true }

const suite = useBrowserSuite()

/** Serves `html` at a fresh path on www.site.test and opens it in a new context. */
const visit = (html: string, opts?: VisitOptions) => suite.visit({ html }, { host: HOST, ...opts })

/** Records the SDK's DOM events from before it loads, as page code listening without the global would. */
const EVENT_RECORDER = `<script>
  window.__events = [];
  for (const type of ['consentry:ready', 'consentry:change'])
    document.addEventListener(type, (e) => __events.push({
      type, detail: JSON.parse(JSON.stringify(e.detail)), custom: e instanceof CustomEvent, global: !!window.consentry,
    }));
</script>`

/** A page whose config block is `config` and whose event recorder runs before the SDK. */
function recordingPage(config?: unknown, extraHead = ''): string {
  return sitePage({ config, body: '<main><h1>Site</h1></main>' }).replace(
    '<meta charset="utf-8">',
    `<meta charset="utf-8">${EVENT_RECORDER}${extraHead}`,
  )
}

/** Banners on the page, found by role and name as a visitor's assistive technology would. */
const banners = (page: OpenedPage['page']) => {
  const name = { name: 'Cookie consent', exact: true }
  return page.getByRole('region', name).or(page.getByRole('dialog', name)).count()
}

const events = (page: OpenedPage['page']) =>
  page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)

describe('script-tag entry', () => {
  it('exposes window.consentry with everything off but necessary before a decision', async () => {
    const { page, logs, errors } = await visit(sitePage())
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    expect(await page.evaluate(() => typeof (window as SdkWindow).consentry.acceptAll)).toBe('function')
    expect(warnings(logs)).toEqual([])
    expect(errors).toEqual([])
  })

  it('fires consentry:ready and consentry:change on document with the documented detail', async () => {
    const { page, errors } = await visit(recordingPage({ revision: 4 }))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    const [ready, change, ...rest] = (await events(page)) as Record<string, unknown>[]
    expect(rest).toEqual([])
    expect(ready).toEqual({
      type: 'consentry:ready',
      detail: { choices: NOTHING, decided: false },
      custom: true,
      global: true,
    })
    expect(change).toMatchObject({ type: 'consentry:change', custom: true, global: true })
    const detail = change!.detail as Record<string, unknown>
    expect(Object.keys(detail).sort()).toEqual(['choices', 'previous', 'record'])
    expect(detail).toMatchObject({
      choices: EVERYTHING,
      previous: NOTHING,
      record: { revision: 4, method: 'accept-all', choices: EVERYTHING, gpc: false, language: 'en' },
    })
    expect(detail.record).toEqual(await page.evaluate(() => (window as SdkWindow).consentry.record()))
    expect(errors).toEqual([])
  })

  it('fires consentry:ready once the document is parsed, so a listener anywhere in the page hears it', async () => {
    const late = `<script>document.addEventListener('consentry:ready', (e) => (window.heard = e.detail))</script>`
    const { page, errors } = await visit(sitePage({ body: `<main><h1>Site</h1></main>${late}` }))
    expect(await page.evaluate(() => (window as unknown as { heard: unknown }).heard)).toEqual({
      choices: NOTHING,
      decided: false,
    })
    expect(errors).toEqual([])
  })

  it('works with no config block at all', async () => {
    const { page, logs, errors } = await visit(recordingPage(undefined))
    expect(await page.evaluate(() => document.getElementById('consentry-config'))).toBeNull()
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    await page.evaluate(() => (window as SdkWindow).consentry.rejectAll())
    expect(await consentState(page)).toMatchObject({
      choices: NOTHING,
      decided: true,
      record: { method: 'reject-all' },
    })
    expect(((await events(page)) as { type: string }[]).map((e) => e.type)).toEqual([
      'consentry:ready',
      'consentry:change',
    ])
    expect(logs).toEqual([])
    expect(errors).toEqual([])
  })

  it('warns once about a config block that is not valid json and uses the defaults', async () => {
    const { page, logs, errors } = await visit(sitePage({ config: '{ "revision": 3, "cookie": { "name": "x" ' }))
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toMatch(/consentry-config.*json/i)
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    expect(await page.evaluate(() => (window as SdkWindow).consentry.config.revision)).toBe(0)
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    expect(await cookieValue(page.context(), 'consentry')).toBeDefined()
    expect(errors).toEqual([])
  })

  it('keeps one instance when the script is included twice', async () => {
    const sdk = '<script src="/dist/consentry.iife.js"></script>'
    const html = recordingPage(undefined, `${sdk}<script>window.__first = window.consentry</script>${sdk}`)
    const { page, errors } = await visit(html)
    expect(
      await page.evaluate(
        () => (window as unknown as { __first: unknown }).__first === (window as SdkWindow).consentry,
      ),
    ).toBe(true)
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    expect(((await events(page)) as { type: string }[]).map((e) => e.type)).toEqual([
      'consentry:ready',
      'consentry:change',
    ])
    expect(errors).toEqual([])
  })

  it('shows one banner when the script is included twice', async () => {
    const sdk = '<script src="/dist/consentry.iife.js"></script>'
    const once = await visit(sitePage())
    const twice = await visit(sitePage({ head: sdk }))
    expect(await banners(once.page)).toBe(1)
    expect(await banners(twice.page)).toBe(1)
  })

  it('works when it runs first in head before body exists', async () => {
    const html = `<!doctype html><html lang="en"><head><script src="/dist/consentry.iife.js"></script>
<script>window.__bodyThen = document.body === null</script>${EVENT_RECORDER}<meta charset="utf-8"><title>First</title></head>
<body><main><h1>Site</h1><div data-consentry-footer></div></main></body></html>`
    const { page, errors } = await visit(html)
    expect(await page.evaluate(() => (window as unknown as { __bodyThen: boolean }).__bodyThen)).toBe(true)
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    await page.evaluate(() => (window as SdkWindow).consentry.set({ analytics: true }))
    expect(await consentState(page)).toMatchObject({ choices: { ...NOTHING, analytics: true }, decided: true })
    // The recorder runs after the SDK, and still hears ready: it is fired once the document is parsed.
    expect(((await events(page)) as { type: string }[]).map((e) => e.type)).toEqual([
      'consentry:ready',
      'consentry:change',
    ])
    expect(errors).toEqual([])
  })
})

describe('stored decision', () => {
  it('keeps a decision across a reload in a first-party lax cookie for 182 days', async () => {
    const { page, errors } = await visit(sitePage({ config: { revision: 1 } }))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    const before = await consentState(page)
    const now = Date.now() / 1000
    await page.reload()
    expect(await consentState(page)).toEqual({ choices: EVERYTHING, decided: true, record: before.record })
    const cookie = await getCookie(page.context(), 'consentry')
    expect(cookie).toMatchObject({ domain: HOST, path: '/', sameSite: 'Lax', secure: false, httpOnly: false })
    expect(Math.abs(cookie!.expires - (now + 182 * DAY))).toBeLessThan(300)
    expect(cookie!.value.length).toBeLessThan(200)
    expect((await page.context().cookies()).map((c) => c.name)).toEqual(['consentry'])
    expect(errors).toEqual([])
  })

  it('caps cookie.maxAgeDays at 395 with one warning', async () => {
    const { page, logs } = await visit(sitePage({ config: { cookie: { maxAgeDays: 1000 } } }))
    const now = Date.now() / 1000
    await page.evaluate(() => (window as SdkWindow).consentry.rejectAll())
    expect(warnings(logs)).toHaveLength(1)
    expect(warnings(logs)[0]).toMatch(/cookie\.maxAgeDays.*395.*1000/)
    const cookie = await getCookie(page.context(), 'consentry')
    expect(Math.abs(cookie!.expires - (now + 395 * DAY))).toBeLessThan(300)
    const record = await page.evaluate(() => (window as SdkWindow).consentry.record())
    expect(Math.abs(Date.parse(record!.expiresAt) / 1000 - (now + 395 * DAY))).toBeLessThan(300)
  })

  it('treats garbage cookie values as no decision without an error', async () => {
    const values = ['garbage', '1', 'true', '%7B%22analytics%22%3Atrue%7D', 'all', '1.0.111', 'x'.repeat(3000)]
    const { page, errors, context } = await visit(sitePage())
    for (const value of values) {
      await context.addCookies([{ name: 'consentry', value, url: suite.server.url('/', HOST) }])
      await page.reload()
      expect(await page.evaluate(() => document.cookie), 'the value reached the page').toContain(value)
      expect(await consentState(page), value).toEqual({ choices: NOTHING, decided: false, record: null })
    }
    expect(errors).toEqual([])
  })

  it('treats a value with any one character changed as no decision', async () => {
    const { page, errors, context } = await visit(sitePage())
    await page.evaluate(() => (window as SdkWindow).consentry.rejectAll())
    const real = (await cookieValue(context, 'consentry'))!
    await page.reload()
    expect((await consentState(page)).decided, 'the untouched value is accepted').toBe(true)
    // Every 0 turned into 1 (a refusal turned into a grant, a time or a field changed), and the ends.
    const positions = [...real].flatMap((c, i) => (c === '0' ? [i] : [])).concat([0, real.length - 1])
    const flip = (c: string) => (c === '0' ? '1' : c === 'a' ? 'b' : c === '1' ? '2' : 'a')
    for (const i of positions) {
      const tampered = real.slice(0, i) + flip(real[i]!) + real.slice(i + 1)
      await context.addCookies([{ name: 'consentry', value: tampered, url: suite.server.url('/', HOST) }])
      await page.reload()
      expect(await consentState(page), tampered).toEqual({ choices: NOTHING, decided: false, record: null })
    }
    expect(positions.length).toBeGreaterThan(2)
    expect(errors).toEqual([])
  })

  it('asks again when the decision was given under an older revision', async () => {
    const { page, errors, context } = await visit(sitePage({ config: { revision: 1 } }))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    const v1 = await cookieValue(context, 'consentry')
    suite.server.page('/revision-2', sitePage({ config: { revision: 2 } }))
    await page.goto(suite.server.url('/revision-2', HOST))
    expect(await cookieValue(context, 'consentry')).toBe(v1)
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    await page.evaluate(() => (window as SdkWindow).consentry.rejectAll())
    expect(await consentState(page)).toMatchObject({ decided: true, record: { revision: 2, method: 'reject-all' } })
    expect(errors).toEqual([])
  })
})

describe('without cookies', () => {
  const BREAK_COOKIES = `<script>
    Object.defineProperty(document, 'cookie', {
      get() { throw new DOMException('cookies are blocked', 'SecurityError') },
      set() { throw new DOMException('cookies are blocked', 'SecurityError') },
    })
  </script>`

  it('still applies a decision for the page view when document.cookie throws', async () => {
    const html = sitePage().replace('<meta charset="utf-8">', `<meta charset="utf-8">${BREAK_COOKIES}`)
    const { page, errors, context } = await visit(html)
    expect(await consentState(page)).toEqual({ choices: NOTHING, decided: false, record: null })
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    expect(await consentState(page)).toMatchObject({ choices: EVERYTHING, record: { method: 'accept-all' } })
    expect(await page.evaluate(() => (window as SdkWindow).consentry.has('analytics'))).toBe(true)
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
  })

  it('still applies a decision in a sandboxed frame where cookies and storage throw', async () => {
    const inner = sitePage().replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8"><script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message)))</script>`,
    )
    suite.server.page('/sandboxed-inner', inner)
    const { page, errors, context } = await visit(
      `<!doctype html><title>Outer</title><iframe sandbox="allow-scripts" src="/sandboxed-inner"></iframe>`,
    )
    const frame = page.frames().find((f) => f.url().endsWith('/sandboxed-inner'))!
    await frame.waitForFunction(() => document.readyState === 'complete')
    expect(
      await frame.evaluate(() => {
        try {
          return document.cookie
        } catch (e) {
          return (e as Error).name
        }
      }),
    ).toBe('SecurityError')
    expect(await consentState(frame)).toEqual({ choices: NOTHING, decided: false, record: null })
    await frame.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    expect(await consentState(frame)).toMatchObject({ choices: EVERYTHING, record: { method: 'accept-all' } })
    expect(await frame.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([])
    expect(await context.cookies()).toEqual([])
    expect(errors).toEqual([])
  })
})
