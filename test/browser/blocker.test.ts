// The tag-blocker's gating markup in real Chromium (DESIGN §2): activation, order, late elements,
// CSP nonces and Trusted Types. The server's request log is the witness of what was fetched.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { settled, sitePage, useBrowserSuite, warnings } from './harness.js'
import type { SdkWindow, SitePageOptions } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()
afterEach(() => suite.server.clear())

let pages = 0
/** Runs before any page script: every CSP and Trusted Types violation, as `directive sample`. */
const RECORD_VIOLATIONS = `window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective + ' ' + e.sample))`

const visit = (site: SitePageOptions, headers?: Record<string, string>) =>
  suite.visit({ html: sitePage(site), path: `/b${++pages}`, headers }, { host: HOST, initScript: RECORD_VIOLATIONS })

/** URL of the logging fixture on the third-party host: running it pushes `name` to window.ran. */
const log = (name: string, query = '') => suite.server.url(`/fixtures/blocker/log.js?name=${name}${query}`, 'tags.test')
const ran = (page: Page) => page.evaluate(() => (window as { ran?: string[] }).ran || [])
const grant = (page: Page, choices: Record<string, boolean>) =>
  page.evaluate((c) => (window as SdkWindow).consentry.set(c), choices)
const waitForRan = (page: Page, count: number) =>
  page.waitForFunction((n) => ((window as { ran?: string[] }).ran || []).length >= n, count)
const requestedAt = (name: string) => suite.server.requests.find((r) => r.url.includes(`name=${name}`))!.time
const push = (name: string) => `(window.ran = window.ran || []).push('${name}')`

describe('gating markup', () => {
  it('neither fetches nor runs gated scripts before consent, then runs them without a reload', async () => {
    const { page, errors } = await visit({
      body: `<script type="text/plain" data-consent="analytics" src="${log('external')}"></script>
        <script type="text/plain" data-consent="analytics">${push('inline')}</script>`,
    })
    await settled(page)
    expect(suite.server.requested('/fixtures/blocker/log.js', 'tags.test')).toBe(false)
    expect(await ran(page)).toEqual([])
    await grant(page, { analytics: true })
    await waitForRan(page, 2)
    expect(await ran(page)).toEqual(['external', 'inline'])
    expect(suite.server.requests.filter((r) => r.path.endsWith('/b' + pages))).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it('runs an element with several categories only once all of them are granted', async () => {
    const { page } = await visit({
      body: `<script type="text/plain" data-consent="analytics marketing" src="${log('both')}"></script>`,
    })
    await grant(page, { analytics: true })
    await settled(page)
    expect(suite.server.requested('name=both')).toBe(false)
    await grant(page, { marketing: true })
    await waitForRan(page, 1)
    expect(await ran(page)).toEqual(['both'])
  })

  it('gates a service on its own switch', async () => {
    const { page } = await visit({
      config: { categories: { analytics: { services: { hotjar: {}, matomo: {} } } } },
      body: `<script type="text/plain" data-consent="analytics.hotjar" src="${log('hotjar')}"></script>
        <script type="text/plain" data-consent="analytics.matomo" src="${log('matomo')}"></script>`,
    })
    await grant(page, { 'analytics.matomo': true })
    await waitForRan(page, 1)
    await settled(page)
    expect(await ran(page)).toEqual(['matomo'])
    expect(suite.server.requested('name=hotjar')).toBe(false)
  })

  it('makes data-type="module" a module script', async () => {
    const { page } = await visit({
      // import.meta is a syntax error outside a module.
      body: `<script type="text/plain" data-consent="analytics" data-type="module">window.ran = [typeof import.meta]</script>`,
    })
    await grant(page, { analytics: true })
    await waitForRan(page, 1)
    expect(await ran(page)).toEqual(['object'])
  })

  it('loads gated images and iframes only after consent', async () => {
    suite.server.page('/embed/map', '<p>map</p>')
    const { page } = await visit({
      body: `<img data-consent="personalization" alt="" data-src="${suite.server.url('/img/p.gif', 'cdn.test')}">
        <iframe data-consent="personalization" data-src="${suite.server.url('/embed/map', 'maps.test')}"></iframe>`,
    })
    await settled(page)
    expect(suite.server.requested('/img/p.gif') || suite.server.requested('/embed/map')).toBe(false)
    await grant(page, { personalization: true })
    await expect
      .poll(() => suite.server.requested('/img/p.gif', 'cdn.test') && suite.server.requested('/embed/map', 'maps.test'))
      .toBe(true)
  })

  it('stamps a template into place and runs its scripts in order', async () => {
    const { page } = await visit({
      body: `<div id="slot"><template data-consent="marketing"><p id="widget">Widget</p>
        <script src="${log('widget-lib', '&delay=300')}"></script><script>${push('widget-init')}</script></template></div>`,
    })
    await settled(page)
    expect(suite.server.requested('widget-lib')).toBe(false)
    expect(await page.locator('#widget').count()).toBe(0)
    await grant(page, { marketing: true })
    await waitForRan(page, 2)
    expect(await ran(page)).toEqual(['widget-lib', 'widget-init'])
    expect(await page.locator('#slot > #widget').textContent()).toBe('Widget')
  })

  it('shows !category fallback content only while the category is refused', async () => {
    const { page } = await visit({
      config: { reloadOnWithdraw: false },
      body: `<p data-consent="!marketing" id="fallback">Allow marketing to watch the video.</p>`,
    })
    const fallback = page.locator('#fallback')
    expect(await fallback.isVisible()).toBe(true)
    await grant(page, { marketing: true })
    expect(await fallback.isVisible()).toBe(false)
    expect(await fallback.getAttribute('hidden')).toBe('')
    await grant(page, { marketing: false })
    expect(await fallback.isVisible()).toBe(true)
  })
})

describe('order', () => {
  const ORDERED = `<script type="text/plain" data-consent="analytics" src="${'SLOW'}"></script>
    <script type="text/plain" data-consent="analytics">${push('inline')}</script>
    <script type="text/plain" data-consent="analytics" src="${'NEXT'}"></script>`
  const ordered = () => ORDERED.replace('SLOW', log('slow', '&delay=600')).replace('NEXT', log('next'))

  it('holds later gated scripts behind a slow non-async external one', async () => {
    const { page } = await visit({ body: ordered() })
    await grant(page, { analytics: true })
    await waitForRan(page, 3)
    expect(await ran(page)).toEqual(['slow', 'inline', 'next'])
    expect(requestedAt('next') - requestedAt('slow')).toBeGreaterThanOrEqual(550)
  })

  it('keeps the order while the page is parsed with a stored decision', async () => {
    const { page } = await visit({ body: ordered() })
    await grant(page, { analytics: true })
    await waitForRan(page, 3)
    await page.reload()
    await waitForRan(page, 3)
    expect(await ran(page)).toEqual(['slow', 'inline', 'next'])
  })

  it('does not stall the rest behind a script that fails to load', async () => {
    const { page } = await visit({
      body: `<script type="text/plain" data-consent="analytics" src="${log('missing', '&status=404')}"></script>
        <script type="text/plain" data-consent="analytics">${push('after')}</script>
        <script type="text/plain" data-consent="analytics" src="${log('last')}"></script>`,
    })
    await grant(page, { analytics: true })
    await waitForRan(page, 2)
    expect(await ran(page)).toEqual(['after', 'last'])
    expect(suite.server.requested('name=missing')).toBe(true)
  })

  it('lets an async gated script run without holding back the next ones', async () => {
    const { page } = await visit({
      body: `<script type="text/plain" data-consent="analytics" async src="${log('async', '&delay=600')}"></script>
        <script type="text/plain" data-consent="analytics">${push('inline')}</script>`,
    })
    await grant(page, { analytics: true })
    await waitForRan(page, 2)
    expect(await ran(page)).toEqual(['inline', 'async'])
  })
})

describe('late elements', () => {
  const LATE = (src: string) =>
    `const view = document.createElement('section');
     view.innerHTML = '<div><script type="text/plain" data-consent="analytics" src="${src}"><\\/script></div>';
     document.body.append(view);`

  it('keeps gated markup added after load blocked until consent', async () => {
    const { page } = await visit({})
    await page.evaluate(LATE(log('late')))
    await settled(page)
    expect(suite.server.requested('name=late')).toBe(false)
    await grant(page, { analytics: true })
    await waitForRan(page, 1)
    expect(await ran(page)).toEqual(['late'])
  })

  it('runs gated markup added after consent at once', async () => {
    const { page } = await visit({})
    await grant(page, { analytics: true })
    await page.evaluate(LATE(log('spa-view')))
    await waitForRan(page, 1)
    expect(await ran(page)).toEqual(['spa-view'])
  })
})

describe('content security policy', () => {
  const gated = () => `<script type="text/plain" data-consent="analytics" src="${log('external')}"></script>
    <script type="text/plain" data-consent="analytics">${push('inline')}</script>
    <template data-consent="analytics"><script>${push('stamped')}</script></template>`
  const violations = async (page: Page, logs: string[]) => [
    ...((await page.evaluate(() => (window as { violations?: string[] }).violations)) || []),
    ...logs.filter((l) => /Content Security Policy|Trusted ?Type|Refused/i.test(l)),
  ]

  it('gives activated scripts the nonce of the SDK script under a nonce-only policy', async () => {
    const { page, logs, errors } = await visit(
      { scriptAttrs: 'nonce="r4nd0m"', body: gated() },
      { 'Content-Security-Policy': "script-src 'nonce-r4nd0m'; style-src 'self'" },
    )
    await grant(page, { analytics: true })
    await waitForRan(page, 3)
    expect(await ran(page)).toEqual(['external', 'inline', 'stamped'])
    expect(await violations(page, logs)).toEqual([])
    expect(errors).toEqual([])
  })

  it('uses the nonce config key when given', async () => {
    const { page, logs } = await visit(
      { config: { nonce: 'from-config' }, scriptAttrs: 'nonce="from-config"', body: gated() },
      { 'Content-Security-Policy': "script-src 'nonce-from-config'" },
    )
    await grant(page, { analytics: true })
    await waitForRan(page, 3)
    expect(await violations(page, logs)).toEqual([])
  })

  it('activates scripts through its own Trusted Types policy', async () => {
    const { page, logs, errors } = await visit(
      { scriptAttrs: 'nonce="tt"', body: gated(), config: { categories: { marketing: { block: ['px.test'] } } } },
      {
        'Content-Security-Policy':
          "script-src 'nonce-tt'; style-src 'self'; require-trusted-types-for 'script'; trusted-types consentry",
      },
    )
    await grant(page, { analytics: true })
    await waitForRan(page, 3)
    expect(await ran(page)).toEqual(['external', 'inline', 'stamped'])
    expect(await violations(page, logs)).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps scripts blocked and says why when the policy may not create its Trusted Types policy', async () => {
    const { page, logs } = await visit(
      { scriptAttrs: 'nonce="tt"', body: gated() },
      { 'Content-Security-Policy': "script-src 'nonce-tt'; require-trusted-types-for 'script'; trusted-types other" },
    )
    await grant(page, { analytics: true })
    await settled(page)
    expect(await ran(page)).toEqual([])
    expect(suite.server.requested('name=external')).toBe(false)
    expect(warnings(logs)).toContain(
      'warning: [consentry] the CSP trusted-types directive must allow the policy "consentry"',
    )
  })
})
