// Hostile and broken environments in real Chromium: refused cookies and storage, missing
// APIs, the script included twice, async or late, gated tags that 404 or throw, and a
// Subresource Integrity check. Whatever happens, nothing is granted before a decision,
// the banner shows, and the page keeps working.
import { readFileSync } from 'node:fs'
import type { Frame, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { consentState, settled, sitePage, useBrowserSuite, warnings } from './harness.js'
import type { SdkWindow, VisitOptions } from './harness.js'

const HOST = 'www.site.test'
const NOTHING = { necessary: true, analytics: false, marketing: false, personalization: false }
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const dist = new URL('../../dist/', import.meta.url)

const suite = useBrowserSuite()

/** Gated tags, then a page script of the site's own that must keep working whatever the SDK met. */
const BODY = `<main><h1>Hostile</h1><button id="page-button">Page button</button></main>
<script type="text/plain" data-consent="analytics" src="/fixtures/security/tag.js"></script>
<script type="text/plain" data-consent="marketing">(window.tags = window.tags || []).push('inline')</script>
<script>
  window.clicks = 0
  document.getElementById('page-button').addEventListener('click', () => window.clicks++)
</script>`

const visit = (html: string, opts?: VisitOptions, host = HOST) => suite.visit({ html }, { host, ...opts })

const tags = (target: Page | Frame) => target.evaluate(() => (window as unknown as { tags?: string[] }).tags ?? [])
const banner = (target: Page | Frame) => target.getByRole('region', { name: 'Cookie consent' })
const accept = (target: Page | Frame) => target.getByRole('button', { name: 'Accept all', exact: true }).click()

/** The site's own script still runs and its button still answers. */
async function expectPageWorks(page: Page): Promise<void> {
  await page.locator('#page-button').click()
  expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(1)
}

/** Before a decision: nothing granted, nothing gated fetched or run, the banner shown. Then consent runs the tags. */
async function expectClosedThenOpen(target: Page | Frame): Promise<void> {
  await banner(target).waitFor()
  expect(await consentState(target)).toMatchObject({ choices: NOTHING, decided: false })
  expect(await tags(target)).toEqual([])
  await accept(target)
  await expect.poll(() => tags(target)).toEqual(['external', 'inline'])
}

describe('refused cookies', () => {
  it('works in a sandboxed frame where document.cookie and storage throw, keeping the decision for the page view', async () => {
    suite.server.page('/hostile/framed', sitePage({ config: { reloadOnWithdraw: false }, body: BODY }))
    const { page, errors } = await visit(
      `<!doctype html><title>Host</title><iframe sandbox="allow-scripts" src="/hostile/framed" title="Framed shop"></iframe>`,
    )
    const frame = await (await page.locator('iframe').elementHandle())!.contentFrame()
    await frame!.waitForLoadState()
    expect(
      await frame!.evaluate(() =>
        ['document.cookie', 'localStorage', 'sessionStorage'].map((what) => {
          try {
            return what == 'document.cookie'
              ? document.cookie
              : (window as never as Record<string, Storage>)[what]!.length
          } catch (error) {
            return (error as Error).name
          }
        }),
      ),
    ).toEqual(['SecurityError', 'SecurityError', 'SecurityError'])
    await expectClosedThenOpen(frame!)
    expect(await consentState(frame!)).toMatchObject({ decided: true })
    expect(errors).toEqual([])
  })

  it('grants nothing when page code overrides document.cookie with a forged value, or one that throws', async () => {
    const overrides = [
      `Object.defineProperty(document, 'cookie', { configurable: true, get: () => 'consentry=1.0.111.towpv1.towpv1.ty9r71.0.0.en.ee971afc-a46d-4ae1-9dad-658079cf7e46.forged; x=1', set() {} })`,
      `Object.defineProperty(document, 'cookie', { configurable: true, get() { throw new Error('cookies off') }, set() { throw new Error('cookies off') } })`,
    ]
    for (const override of overrides) {
      const { page, errors, logs } = await visit(
        sitePage({ head: '', body: BODY, config: { reloadOnWithdraw: false } }).replace(
          '<head>',
          `<head><script>${override}</script>`,
        ),
      )
      await expectClosedThenOpen(page)
      await expectPageWorks(page)
      expect([errors, warnings(logs)], override).toEqual([[], []])
    }
  })
})

describe('missing or broken browser apis', () => {
  it('keeps working when localStorage and sessionStorage throw, withdrawal included', async () => {
    const { page, errors } = await visit(
      sitePage({
        body: BODY,
        config: { reloadOnWithdraw: false, categories: { analytics: { storage: ['visits', '/^_an_/'] } } },
      }),
      {
        initScript: `for (const name of ['localStorage', 'sessionStorage'])
          Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException('denied', 'SecurityError') } })`,
      },
    )
    await expectClosedThenOpen(page)
    await page.evaluate(() => (window as SdkWindow).consentry.set({ analytics: false }))
    expect(await consentState(page)).toMatchObject({
      choices: { analytics: false, marketing: true },
      record: { method: 'withdraw' },
    })
    await expectPageWorks(page)
    expect(errors).toEqual([])
  })

  it('keeps working without BroadcastChannel', async () => {
    const { page, errors, logs } = await visit(sitePage({ body: BODY }), {
      initScript: 'delete window.BroadcastChannel',
    })
    expect(await page.evaluate(() => typeof BroadcastChannel)).toBe('undefined')
    await expectClosedThenOpen(page)
    await expectPageWorks(page)
    expect([errors, warnings(logs)]).toEqual([[], []])
  })

  it('gives a random v4 id without crypto.randomUUID, as on plain http away from localhost', async () => {
    const { page, errors } = await visit(sitePage({ body: BODY }))
    expect(await page.evaluate(() => [isSecureContext, typeof crypto.randomUUID])).toEqual([false, 'undefined'])
    await expectClosedThenOpen(page)
    const { record } = await consentState(page)
    expect(record!.id).toMatch(UUID_V4)
    expect(errors).toEqual([])
    // On 127.0.0.1 (a secure context) the same page has randomUUID: the fallback is what ran above.
    const local = await visit(sitePage({ body: BODY }), {}, '127.0.0.1')
    expect(await local.page.evaluate(() => [isSecureContext, typeof crypto.randomUUID])).toEqual([true, 'function'])
  })
})

describe('how the script is included', () => {
  const ready = `<script>
    window.events = []
    for (const type of ['consentry:ready', 'consentry:change'])
      document.addEventListener(type, () => window.events.push(type))
  </script>`

  it('keeps one instance, one ui and one run of each tag when included twice', async () => {
    const html = sitePage({ body: BODY, head: '<script src="/dist/consentry.iife.js"></script>' }).replace(
      '<head>',
      '<head>' + ready,
    )
    const { page, errors, logs } = await visit(html)
    await expectClosedThenOpen(page)
    expect(await page.locator('consentry-ui').count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual([
      'consentry:ready',
      'consentry:change',
    ])
    await settled(page)
    expect(await tags(page)).toEqual(['external', 'inline'])
    await expectPageWorks(page)
    expect([errors, warnings(logs)]).toEqual([[], []])
  })

  it('gates tags parsed before it when included async', async () => {
    const html = sitePage({ body: BODY, scriptAttrs: 'async' }).replace('<head>', '<head>' + ready)
    const { page, errors } = await visit(html)
    await expectClosedThenOpen(page)
    await expectPageWorks(page)
    expect(errors).toEqual([])
  })

  it('gates tags parsed before it when included late, at the end of the body', async () => {
    const late = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late</title></head>
      <body>${BODY}<script src="/dist/consentry.iife.js"></script></body></html>`
    suite.server.clear()
    const { page, errors } = await visit(late)
    expect(suite.server.requested('/fixtures/security/tag.js')).toBe(false)
    await expectClosedThenOpen(page)
    await expectPageWorks(page)
    expect(errors).toEqual([])
  })
})

describe('gated tags that fail', () => {
  it('runs the gated tags after one that 404s and one that throws, and the page and the ui keep working', async () => {
    const body = `<main><button id="page-button">Page button</button></main>
<script type="text/plain" data-consent="analytics" src="/fixtures/security/missing.js"></script>
<script type="text/plain" data-consent="analytics" src="/fixtures/security/throws.js"></script>
<script type="text/plain" data-consent="analytics" src="/fixtures/security/tag.js"></script>
<script type="text/plain" data-consent="marketing">(window.tags = window.tags || []).push('inline')</script>
<script>window.clicks = 0; document.getElementById('page-button').addEventListener('click', () => window.clicks++)</script>`
    const { page, errors } = await visit(sitePage({ body, config: { reloadOnWithdraw: false } }))
    await banner(page).waitFor()
    await accept(page)
    await expect.poll(() => tags(page)).toEqual(['throws', 'external', 'inline'])
    expect(suite.server.requested('/fixtures/security/missing.js')).toBe(true)
    expect(errors).toEqual(['Error: a gated tag failed'])
    await expectPageWorks(page)
    await page.getByRole('button', { name: 'Page button' }).focus()
    await page.evaluate(() => (window as SdkWindow).consentry.openSettings())
    await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor()
    expect(await consentState(page)).toMatchObject({ decided: true, record: { method: 'accept-all' } })
  })
})

describe('subresource integrity', () => {
  const iife = readFileSync(new URL('consentry.iife.js', dist))
  const listed = readFileSync(new URL('SRI.txt', dist), 'utf8')
  const hash = /^(sha384-\S+) {2}consentry\.iife\.js$/m.exec(listed)![1]!

  // A CDN on another origin, answering with CORS as `crossorigin="anonymous"` needs.
  const cdn = (body: Buffer) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, {
      'Content-Type': 'text/javascript',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    })
    res.end(body)
  }

  it('loads the script tag from a cdn with the integrity hash of dist/SRI.txt, and refuses a tampered file', async () => {
    suite.server.route('/cdn/consentry.iife.js', cdn(iife))
    suite.server.route('/cdn/tampered.js', cdn(Buffer.concat([iife, Buffer.from('\n;window.tampered = true')])))
    const src = (file: string) => suite.server.url('/cdn/' + file, 'cdn.test')
    const ok = await visit(
      sitePage({
        body: BODY,
        src: src('consentry.iife.js'),
        scriptAttrs: `integrity="${hash}" crossorigin="anonymous"`,
      }),
    )
    await expectClosedThenOpen(ok.page)
    expect(ok.errors).toEqual([])

    const bad = await visit(
      sitePage({ body: BODY, src: src('tampered.js'), scriptAttrs: `integrity="${hash}" crossorigin="anonymous"` }),
    )
    await expectPageWorks(bad.page)
    expect(
      await bad.page.evaluate(() => [
        typeof (window as Partial<SdkWindow>).consentry,
        (window as { tampered?: boolean }).tampered,
      ]),
    ).toEqual(['undefined', undefined])
    expect(bad.logs.some((line) => line.includes('integrity'))).toBe(true)
    expect(await tags(bad.page)).toEqual([])
  })
})
