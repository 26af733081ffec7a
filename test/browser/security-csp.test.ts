// Strict CSP and Trusted Types in real Chromium (DESIGN §2, §3): pages served with
//   script-src 'nonce-…' 'strict-dynamic'; style-src 'self'; object-src 'none'; base-uri 'none';
//   require-trusted-types-for 'script'; trusted-types consentry
// and the same without the two Trusted Types directives. Every `securitypolicyviolation`
// event is recorded from before the first script runs; there must be none.
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { newNonce, strictCsp } from '../../scripts/csp.mjs'
import { settled, sitePage, startExampleServer, useBrowserSuite, warnings } from './harness.js'
import type { ExampleServer, OpenedPage, SdkWindow } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()
let examples: ExampleServer | undefined

afterAll(async () => {
  examples?.close()
})

/** Runs before any page script: records each violation as `directive blocked-uri sample`. */
const RECORD_VIOLATIONS = `
  window.__violations = []
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push([e.effectiveDirective, e.blockedURI, e.sample].join(' ')))`

/** A site page with every kind of gated markup, each script carrying the nonce the server writes. */
function gatedPage(nonce: string, extraHead = ''): string {
  return sitePage({
    scriptAttrs: `nonce="${nonce}"`,
    config: { reloadOnWithdraw: false },
    head: `<link rel="stylesheet" href="/fixtures/plain.css">
<script nonce="${nonce}">window.tags = window.tags || []</script>${extraHead}`,
    body: `<main>
  <h1>Strict CSP</h1>
  <button id="plain">A page button</button>
  <iframe title="Player" data-consent="marketing" data-src="/fixtures/security/frame.html"></iframe>
  <p id="fallback" data-consent="!marketing">Marketing is off.</p>
  <footer><a href="#" data-consentry-settings>Cookie Settings</a></footer>
</main>
<script type="text/plain" data-consent="analytics" src="/fixtures/security/tag.js" nonce="${nonce}"></script>
<script type="text/plain" data-consent="marketing" nonce="${nonce}">window.tags.push('inline')</script>
<template data-consent="personalization"><p id="stamped">Picked for you</p><script nonce="${nonce}">window.tags.push('template')</script></template>`,
  })
}

let pages = 0
/** Serves `html(nonce)` under the strict policy with a fresh nonce per response, and opens it. */
async function visit(html: (nonce: string) => string, trustedTypes: boolean): Promise<OpenedPage> {
  const path = `/csp${++pages}`
  suite.server.route(path, (_req, res) => {
    const nonce = newNonce()
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': strictCsp(nonce, { trustedTypes }),
    })
    res.end(html(nonce))
  })
  return suite.visit(path, { host: HOST, initScript: RECORD_VIOLATIONS })
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
const tags = (page: Page) => page.evaluate(() => (window as unknown as { tags: string[] }).tags)
const background = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor)
const plainBackground = (page: Page) => page.locator('#plain').evaluate((el) => getComputedStyle(el).backgroundColor)
/** Console lines that report a refused resource or sink, or an SDK warning. */
const complaints = (logs: string[]) => [
  ...logs.filter((l) => /Refused|Trusted Type|violat/i.test(l)),
  ...warnings(logs),
]

describe.each([
  ['with trusted types', true],
  ['without trusted types', false],
])('a strict csp %s', (_name, trustedTypes) => {
  it('shows a styled banner and placeholder and runs nothing gated before consent, with zero violations', async () => {
    suite.server.clear()
    const { page, logs, errors } = await visit(gatedPage, trustedTypes)
    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    const plain = await plainBackground(page)
    for (const name of ['Accept all', 'Reject all', 'Settings'])
      expect(await background(page, name), name).not.toBe(plain)
    expect(await page.locator('consentry-placeholder').count()).toBe(1)
    expect(
      await page.getByRole('button', { name: /^Allow / }).evaluate((el) => getComputedStyle(el).backgroundColor),
    ).not.toBe(plain)
    expect(await tags(page)).toEqual([])
    expect(suite.server.requested('/fixtures/security/tag.js')).toBe(false)
    expect(suite.server.requested('/fixtures/security/frame.html')).toBe(false)
    expect(await page.locator('#fallback').isVisible()).toBe(true)
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })

  it('runs external, inline and template gated tags after consent, in order, with zero violations', async () => {
    suite.server.clear()
    const { page, logs, errors } = await visit(gatedPage, trustedTypes)
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => tags(page)).toEqual(['external', 'inline', 'template'])
    await page.locator('#stamped').waitFor()
    await expect.poll(() => suite.server.requested('/fixtures/security/frame.html')).toBe(true)
    expect(await page.locator('#fallback').isVisible()).toBe(false)
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })

  it('opens a styled settings dialog and saves a partial choice, with zero violations', async () => {
    const { page, logs, errors } = await visit(gatedPage, trustedTypes)
    await page.getByRole('link', { name: 'Cookie Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.waitFor()
    expect(await background(page, 'Save settings')).not.toBe(await plainBackground(page))
    await dialog.getByRole('switch', { name: 'Analytics' }).check()
    await dialog.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => tags(page)).toEqual(['external'])
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })

  it('runs the gated tags of a stored decision while the page loads, with zero violations', async () => {
    const { page, logs, errors } = await visit(gatedPage, trustedTypes)
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => tags(page)).toHaveLength(3)
    await page.reload()
    await expect.poll(() => tags(page)).toEqual(['external', 'inline', 'template'])
    expect(await page.getByRole('region', { name: 'Cookie consent' }).count()).toBe(0)
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })

  it('keeps to one policy and no violation when the script is included twice', async () => {
    const twice = (nonce: string) =>
      gatedPage(nonce, `\n<script src="/dist/consentry.iife.js" nonce="${nonce}"></script>`)
    const { page, logs, errors } = await visit(twice, trustedTypes)
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => tags(page)).toEqual(['external', 'inline', 'template'])
    expect(await page.locator('consentry-ui').count()).toBe(1)
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })
})

describe('HTML strings under Trusted Types', () => {
  it("holds a blocked pixel in the page's own TrustedHTML with no violation, and launders no plain string", async () => {
    const pixel = suite.server.url('/tr?via=trusted', 'px.test')
    suite.server.route('/tr', (_req, res) => void res.writeHead(204).end())
    suite.server.route('/csp-html', (_req, res) => {
      const nonce = newNonce()
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; require-trusted-types-for 'script'; trusted-types consentry site`,
      })
      res.end(
        sitePage({
          scriptAttrs: `nonce="${nonce}"`,
          config: { reloadOnWithdraw: false, categories: { marketing: { block: ['px.test'] } } },
          body: `<script nonce="${nonce}">
            const site = trustedTypes.createPolicy('site', { createHTML: (html) => html })
            const box = document.body.appendChild(document.createElement('div'))
            box.innerHTML = site.createHTML('<img alt="" src="${pixel}">')
            try { box.insertAdjacentHTML('beforeend', '<img alt="" src="${pixel}&plain">'); window.plain = 'accepted' } catch (e) { window.plain = e.name }
          </script>`,
        }),
      )
    })
    const { page, errors } = await suite.visit('/csp-html', { host: HOST, initScript: RECORD_VIOLATIONS })
    await page.waitForFunction(() => (window as { plain?: string }).plain)
    // The plain string is refused as without the SDK: a TypeError and one violation (reported on
    // the innerHTML of the detached element the SDK had the browser parse it in).
    expect(await page.evaluate(() => (window as { plain?: string }).plain)).toBe('TypeError')
    expect((await violations(page)).map((v) => v.split('|')[0])).toEqual([
      'require-trusted-types-for trusted-types-sink Element innerHTML',
    ])
    expect(await page.locator('img:not([src])').count()).toBe(1)
    await settled(page)
    expect(suite.server.requests.filter((r) => r.host == 'px.test')).toEqual([])
    await page.evaluate(() => (window as SdkWindow).consentry.set({ marketing: true }))
    await expect
      .poll(() => suite.server.requests.filter((r) => r.host == 'px.test').map((r) => new URL(r.url).search))
      .toEqual(['?via=trusted'])
    expect((await violations(page)).length).toBe(1)
    expect(errors).toEqual([])
  })
})

describe('scripts from HTML strings under a nonce policy', () => {
  it("runs a blocked one from a string after consent only with its own nonce, never the page's", async () => {
    suite.server.route('/csp-fragment', (_req, res) => {
      const nonce = newNonce()
      const fragment = (name: string, attrs = '') =>
        `document.body.appendChild(document.createRange().createContextualFragment('<script ${attrs} src="/fixtures/blocker/log.js?name=${name}"><\\/script>'))`
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `script-src 'nonce-${nonce}'`,
      })
      res.end(
        sitePage({
          scriptAttrs: `nonce="${nonce}"`,
          config: { reloadOnWithdraw: false, categories: { marketing: { block: ['log.js'] } } },
          body: `<script nonce="${nonce}">${fragment('own', `nonce="${nonce}"`)}; ${fragment('borrowed')}</script>`,
        }),
      )
    })
    const { page } = await suite.visit('/csp-fragment', { host: HOST, initScript: RECORD_VIOLATIONS })
    await settled(page)
    expect([await page.evaluate(() => (window as { ran?: string[] }).ran), await violations(page)]).toEqual([
      undefined,
      [],
    ])
    expect(suite.server.requested('/fixtures/blocker/log.js')).toBe(false)
    await page.evaluate(() => (window as SdkWindow).consentry.set({ marketing: true }))
    await page.waitForFunction(() => (window as { ran?: string[] }).ran)
    await settled(page)
    // The browser refuses the borrowed one before fetching it.
    expect(suite.server.requested('name=borrowed')).toBe(false)
    // Without the SDK the browser refuses the script without a nonce; so it does with it.
    expect(await page.evaluate(() => (window as { ran?: string[] }).ran)).toEqual(['own'])
    expect((await violations(page)).map((v) => v.split(' ')[0])).toEqual(['script-src-elem'])
  })
})

describe('examples/strict-csp.html', () => {
  it('is served by npm start under the strict policy with a fresh nonce, and works with zero violations', async () => {
    examples = await startExampleServer()
    const url = examples.url.replace('127.0.0.1', HOST) + 'strict-csp.html'
    const first = await fetch(examples.url + 'strict-csp.html')
    const policy = first.headers.get('content-security-policy')!
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!
    expect(policy).toBe(strictCsp(nonce))
    expect(await first.text()).not.toContain('{{nonce}}')
    const second = await fetch(examples.url + 'strict-csp.html')
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)

    const opened = await suite.visit(url, { initScript: RECORD_VIOLATIONS })
    const { page, logs, errors } = opened
    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    expect(await page.locator('#tag-log li').count()).toBe(0)
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect
      .poll(() => page.locator('#tag-log li').allTextContents())
      .toEqual([
        'Analytics tag ran — visit #1, set cookies _demo_a and _demo_a_session',
        'Marketing pixel fired — set cookie _demo_m',
      ])
    await expect.poll(() => page.locator('#consent-state').textContent()).toContain('"decided": true')
    expect(await violations(page)).toEqual([])
    expect([complaints(logs), errors]).toEqual([[], []])
  })
})
