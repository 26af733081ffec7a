// Real tag shapes against the tag-blocker in Chromium (issue 3, item 8): a GA4-like loader, a
// tag-manager container, a Meta-Pixel-like library and a YouTube-like embed, on third-party hosts
// mapped to the local server. The request log proves what was never fetched before consent.
import type { Page } from 'playwright-core'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { settled, sitePage, useBrowserSuite } from './harness.js'
import type { SdkWindow, SitePageOptions } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()

beforeAll(async () => {
  suite.server.page(
    '/embed/abc',
    '<!doctype html><title>video</title><p>video player</p><img src="/embed/pixel.gif" alt="">',
  )
  for (const path of ['/tr', '/g/collect', '/gtm/collect'])
    suite.server.route(path, (_req, res) => void res.writeHead(204).end())
})
afterEach(async () => {
  suite.server.clear()
})

const CONFIG = {
  categories: {
    analytics: { cookies: ['_ga', '/^_ga_/'], block: ['g/collect', 'gtm/collect'] },
    marketing: { cookies: ['_fbp'], block: ['ads.test', 'px.test', '/video\\.test:\\d+\\/embed/'] },
  },
}

const visit = (site: SitePageOptions) => suite.visit({ html: sitePage({ config: CONFIG, ...site }) }, { host: HOST })

const on = (host: string, path: string) => suite.server.url(path, host)
const grant = (page: Page, choices: Record<string, boolean>) =>
  page.evaluate((c) => (window as SdkWindow).consentry.set(c), choices)
const global = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name)
/** Every request to `host` so far, as path+query. */
const to = (host: string) =>
  suite.server.requests.filter((r) => r.host == host).map((r) => new URL(r.url).pathname + new URL(r.url).search)

describe('a gtag/GA4-like loader with its inline config', () => {
  const body = () => `
    <script type="text/plain" data-consent="analytics" async src="${on('tags.test', '/fixtures/blocker/gtag.js?id=G-TEST1')}"></script>
    <script type="text/plain" data-consent="analytics">
      window.dataLayer = window.dataLayer || []; function gtag() { dataLayer.push(arguments) }
      gtag('js', new Date()); gtag('config', 'G-TEST1')
    </script>`

  it('fetches nothing from the tag host and sets no cookie before consent', async () => {
    const { page, context } = await visit({ body: body() })
    await page.evaluate(() => navigator.sendBeacon('/g/collect?v=2&en=early'))
    await settled(page)
    expect(to('tags.test')).toEqual([])
    expect(suite.server.requested('/g/collect')).toBe(false)
    expect(await global(page, 'dataLayer')).toBeUndefined()
    expect((await context.cookies()).map((c) => c.name)).not.toContain('_ga')
  })

  it('loads, configures and sends its hit once analytics is granted', async () => {
    const { page, context } = await visit({ body: body() })
    await grant(page, { analytics: true })
    await page.waitForFunction(() => (window as { gtagRan?: string }).gtagRan)
    expect(await global(page, 'gtagRan')).toBe('G-TEST1')
    await expect
      .poll(() => to('tags.test'))
      .toEqual(['/fixtures/blocker/gtag.js?id=G-TEST1', '/g/collect?v=2&tid=G-TEST1&en=page_view'])
    const ga = (await context.cookies()).filter((c) => c.name.startsWith('_ga'))
    expect(ga.map((c) => [c.name, c.domain])).toEqual([
      ['_ga', '.site.test'],
      ['_ga_TEST1', '.site.test'],
    ])
  })
})

describe('a tag-manager-like container', () => {
  const body = () =>
    `<script type="text/plain" data-consent="analytics" src="${on('tags.test', '/fixtures/blocker/gtm.js')}"></script>`

  it('runs with analytics while the scripts and pixel it injects wait for marketing', async () => {
    const { page } = await visit({ body: body() })
    await grant(page, { analytics: true })
    await page.waitForFunction(() => (window as { gtmRan?: boolean }).gtmRan)
    await settled(page)
    expect(to('tags.test')).toEqual(['/fixtures/blocker/gtm.js', '/gtm/collect?ev=container'])
    expect(to('ads.test')).toEqual([])
    expect(to('px.test')).toEqual([])

    await grant(page, { marketing: true })
    await page.waitForFunction(() => ((window as { ran?: string[] }).ran || []).length == 2)
    expect(await global(page, 'ran')).toEqual(['first', 'second'])
    expect(to('ads.test')).toEqual([
      '/fixtures/blocker/log.js?name=first&delay=300',
      '/fixtures/blocker/log.js?name=second',
    ])
    await expect.poll(() => to('px.test')).toEqual(['/tr?ev=gtm'])
  })
})

describe('a Meta-Pixel-like library', () => {
  // The vendor snippet as sites paste it: not gated, it injects the library by itself.
  const body = () => `<script>
    !function (b, e, v) { var t = b.createElement(e); t.async = !0; t.src = v; var s = b.getElementsByTagName(e)[0]; s.parentNode.insertBefore(t, s) }
      (document, 'script', '${on('connect.px.test', '/fixtures/blocker/fbevents.js')}');
    window.results = {};
    fetch('${on('px.test', '/tr?via=fetch')}').then(() => results.fetch = 'sent', (e) => results.fetch = e.name + ': ' + e.message);
    var xhr = new XMLHttpRequest(); xhr.open('GET', '${on('px.test', '/tr?via=xhr')}');
    xhr.onload = () => results.xhr = 'load'; xhr.onerror = () => results.xhr = 'error ' + xhr.readyState + ' ' + xhr.status; xhr.send();
    results.beacon = navigator.sendBeacon('${on('px.test', '/tr?via=beacon')}');
    new Image().src = '${on('px.test', '/tr?via=image')}';
  </script>`

  it('sends nothing before marketing: fetch, xhr and beacon fail as blocked requests do', async () => {
    const { page } = await visit({ body: body() })
    await page.waitForFunction(() => Object.keys((window as { results?: object }).results || {}).length == 3)
    expect(await global(page, 'results')).toEqual({
      fetch: 'TypeError: Failed to fetch',
      xhr: 'error 4 0',
      beacon: false,
    })
    await settled(page)
    expect([...to('px.test'), ...to('connect.px.test')]).toEqual([])
    expect(await global(page, 'fbqRan')).toBeUndefined()
  })

  it('loads the library and fires its image and beacon once marketing is granted', async () => {
    const { page } = await visit({ body: body() })
    await settled(page)
    await grant(page, { marketing: true })
    await page.waitForFunction(() => (window as { fbqRan?: boolean }).fbqRan)
    await expect
      .poll(() => to('connect.px.test').sort())
      .toEqual(['/fixtures/blocker/fbevents.js', '/tr?id=1&ev=PageView', '/tr?id=1&ev=beacon'])
    // Requests that failed before consent are not replayed; the held image is.
    expect(to('px.test')).toEqual(['/tr?via=image'])
  })
})

describe('a YouTube-like embed', () => {
  const body = () => `<main><iframe data-consent="marketing" id="video" title="Video" width="560" height="315"
    data-src="${on('video.test', '/embed/abc')}"></iframe></main>`
  const dismissBanner = (page: Page) => page.evaluate(() => (window as SdkWindow).consentry.rejectAll())

  it('shows an accessible placeholder of the same size in its place and loads nothing', async () => {
    const { page } = await visit({ body: body() })
    await dismissBanner(page)
    const group = page.getByRole('group', { name: 'This content is blocked until you allow marketing.' })
    await expect.poll(() => group.isVisible()).toBe(true)
    expect(await group.getByRole('button', { name: 'Allow marketing' }).isVisible()).toBe(true)
    // 560 × 315 plus the iframe's default 2px border: the box the embed will take.
    expect(await page.locator('consentry-placeholder').boundingBox()).toMatchObject({ width: 564, height: 319 })
    expect(await page.locator('#video').isVisible()).toBe(false)
    expect(to('video.test')).toEqual([])
  })

  it('grants marketing from the placeholder button and loads the embed in place, without layout shift', async () => {
    const { page } = await visit({ body: body() })
    await dismissBanner(page)
    const before = await page.locator('consentry-placeholder').boundingBox()
    await page.getByRole('button', { name: 'Allow marketing' }).click()
    await expect.poll(() => to('video.test')).toEqual(['/embed/abc', '/embed/pixel.gif'])
    expect(await page.locator('consentry-placeholder').count()).toBe(0)
    expect(await page.locator('#video').boundingBox()).toEqual(before)
    expect(await page.evaluate(() => (window as SdkWindow).consentry.has('marketing'))).toBe(true)
  })

  it('takes the theme custom properties and ignores the page styles', async () => {
    const { page } = await visit({
      head: `<style>:root { --consentry-accent: rgb(200, 0, 0); --consentry-accent-fg: rgb(0, 0, 200) }
        button, p { background: green !important; color: yellow !important; display: none !important }</style>`,
      body: body(),
    })
    const button = page.locator('consentry-placeholder').getByRole('button')
    expect(
      await button.evaluate((b) => [
        getComputedStyle(b).backgroundColor,
        getComputedStyle(b).color,
        getComputedStyle(b).display,
      ]),
    ).toEqual([
      'rgb(200, 0, 0)',
      'rgb(0, 0, 200)',
      'block', // a grid item: blockified, and not the page's display: none
    ])
  })

  it('holds an embed that other code creates, with a placeholder, until consent', async () => {
    const { page } = await visit({})
    await dismissBanner(page)
    await page.evaluate(
      (src) => {
        const frame = document.createElement('iframe')
        frame.src = src
        document.body.append(frame)
      },
      on('video.test', '/embed/abc'),
    )
    await page.getByRole('button', { name: 'Allow marketing' }).click()
    await expect.poll(() => to('video.test')).toEqual(['/embed/abc', '/embed/pixel.gif'])
  })

  it('holds an embed inserted as an HTML string without a request, until consent', async () => {
    const { page } = await visit({})
    await dismissBanner(page)
    await page.evaluate(
      (src) => document.body.insertAdjacentHTML('beforeend', `<iframe src="${src}"></iframe>`),
      on('video.test', '/embed/abc'),
    )
    await page.locator('consentry-placeholder').waitFor()
    await settled(page)
    expect(to('video.test')).toEqual([])
    await page.getByRole('button', { name: 'Allow marketing' }).click()
    await expect.poll(() => to('video.test')).toEqual(['/embed/abc', '/embed/pixel.gif'])
  })
})

describe('tags that arrive as HTML strings', () => {
  // What a tag manager's custom-HTML tag and embed snippets do: the parser makes these
  // elements, so no src setter sees them, and an img loads as soon as it is parsed.
  const body = () => `<script>
    var box = document.createElement('div');
    box.innerHTML = '<img alt="" src="${on('px.test', '/tr?via=innerHTML')}">';
    document.currentScript.insertAdjacentHTML('afterend', '<img alt="" src="${on('px.test', '/tr?via=adjacent')}">');
    document.body.appendChild(document.createRange().createContextualFragment('<script src="${on('ads.test', '/fixtures/blocker/log.js?name=fragment')}"><\\/script>'));
    window.done = true;
  </script>`

  it('sends nothing and runs nothing before consent', async () => {
    const { page } = await visit({ body: body() })
    await page.waitForFunction(() => (window as { done?: boolean }).done)
    await settled(page)
    expect([...to('px.test'), ...to('ads.test')]).toEqual([])
    expect(await global(page, 'ran')).toBeUndefined()
  })

  it('loads the images and runs the script once marketing is granted', async () => {
    const { page } = await visit({ body: body() })
    await page.waitForFunction(() => (window as { done?: boolean }).done)
    await grant(page, { marketing: true })
    await page.waitForFunction(() => ((window as { ran?: string[] }).ran || []).length == 1)
    expect(await global(page, 'ran')).toEqual(['fragment'])
    // The detached box's image loads too: it was held where it was parsed.
    await page.evaluate(() => document.body.append((window as unknown as { box: Element }).box))
    await expect.poll(() => to('px.test').sort()).toEqual(['/tr?via=adjacent', '/tr?via=innerHTML'])
  })
})
