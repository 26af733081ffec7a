// The XSS corpus in real Chromium, where a parsed `<img onerror>`, `<svg onload>` or
// `<details ontoggle>` would run: every payload in every text field stays text and sets no
// `window.xss`, and dangerous policy links are refused (test/security/xssCorpus.ts).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DANGEROUS_URLS, PAYLOADS, SHOWN_FIELDS, TEXT_FIELDS, textConfig } from '../security/xssCorpus.js'
import { settled, sitePage, useBrowserSuite, warnings } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()

/**
 * The config block as a server must write it: JSON with `<` escaped, or a `</script>` in any
 * text would end the block early (that escaping is the site's job; no SDK can do it).
 */
const block = (config: unknown) => JSON.stringify(config).replace(/</g, '\\u003c')

let pages = 0
function serve(config: unknown, body = ''): string {
  const path = `/xss${++pages}`
  suite.server.page(path, sitePage({ config: block(config), body: `<main><h1>XSS</h1>${body}</main>` }))
  return suite.server.url(path, HOST)
}

/** Text nodes and attribute values of the page and every open shadow root. */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = []
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        el.childNodes.forEach((n) => n.nodeType == 3 && out.push(n.nodeValue!))
        el.getAttributeNames().forEach((a) => out.push(el.getAttribute(a)!))
        if (el.shadowRoot) walk(el.shadowRoot)
      })
    walk(document)
    return out.join('\n')
  })

/** Every element with an inline event handler or a non-http(s) link, anywhere. */
const dangerous = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = []
    const walk = (root: Document | ShadowRoot) =>
      root.querySelectorAll('*').forEach((el) => {
        if (el.getAttributeNames().some((a) => a.startsWith('on'))) out.push(el.outerHTML)
        const href = el.getAttribute('href')
        if (href != null && href != '#' && !/^https?:$/.test(new URL(href, location.href).protocol))
          out.push(el.outerHTML)
        if (el.shadowRoot) walk(el.shadowRoot)
      })
    walk(document)
    return out
  })

const xss = (page: Page) => page.evaluate(() => (window as unknown as { xss?: unknown }).xss)

describe('the xss corpus in chromium', () => {
  it('shows every payload in every text field as text, in the banner, dialog, footer, floating button and placeholder, and runs none', async () => {
    const text = (field: string) => `${PAYLOADS.join(' ')} #${field}`
    // A decision under revision 0 first, so the revision notice shows too; GPC on for its notice.
    const opened = await suite.visit(serve({ ...textConfig(text), revision: 0 }), { gpc: true })
    const { page, errors } = opened
    await page.evaluate(() => (window as unknown as { consentry: { acceptAll(): void } }).consentry.acceptAll())
    await page.goto(
      serve(
        textConfig(text),
        '<iframe data-consent="marketing" data-src="/fixtures/security/frame.html" title="Player"></iframe><div data-consentry-footer></div>',
      ),
    )
    await page.locator('consentry-ui').waitFor({ state: 'attached' })
    await page.evaluate(() => (window as unknown as { consentry: { openSettings(): void } }).consentry.openSettings())
    await page.locator('consentry-placeholder').waitFor({ state: 'attached' })
    await settled(page) // a payload's image would have been requested and failed by now
    const all = await shownText(page)
    expect(SHOWN_FIELDS.filter((field) => !all.includes(text(field)))).toEqual([])
    // Placeholder texts name the category as the settings do, config title first: `{category}` filled, `$&` kept.
    const filled = (field: string) =>
      `${text(field)} {category}`.split('{category}').join(text('categories.marketing.title'))
    expect(
      ['translations.en.placeholder.text', 'translations.en.placeholder.button'].filter(
        (f) => !all.includes(filled(f)),
      ),
    ).toEqual([])
    expect(await dangerous(page)).toEqual([])
    expect(await xss(page)).toBeUndefined()
    expect(errors).toEqual([])
    expect(TEXT_FIELDS.length).toBeGreaterThan(SHOWN_FIELDS.length)
  })

  it('shows a title of each single payload as text and runs none', async () => {
    const opened = await suite.visit('about:blank')
    const { page } = opened
    for (const payload of PAYLOADS) {
      await page.goto(
        serve({
          categories: { analytics: { title: payload, description: payload } },
          translations: { en: { banner: { title: payload } } },
        }),
      )
      await page.getByRole('region', { name: payload }).waitFor()
      await page.evaluate(() => (window as unknown as { consentry: { openSettings(): void } }).consentry.openSettings())
      await page.getByRole('switch', { name: payload }).waitFor()
      await settled(page)
      expect([await xss(page), await dangerous(page)], payload).toEqual([undefined, []])
    }
  })

  it('refuses javascript:, data: and other non-http policy urls with a warning, and renders no link for them', async () => {
    const opened = await suite.visit('about:blank')
    const { page, logs } = opened
    for (const url of DANGEROUS_URLS) {
      logs.splice(0)
      await page.goto(serve({ policyUrl: url }))
      await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
      expect(await page.getByRole('link', { name: 'Privacy policy' }).count(), JSON.stringify(url)).toBe(0)
      expect(await dangerous(page)).toEqual([])
      expect(
        warnings(logs).some((w) => w.includes('policyUrl must be an http(s) or relative URL')),
        JSON.stringify(url),
      ).toBe(true)
    }
  })
})
