// Every configurable string is shown as text and never parsed: the classic payloads of
// xssCorpus.ts go through every text field, service and cookie name, link and endpoint.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createConsentWith } from '../../src/consent'
import { createConsent } from '../../src/full'
import type { ConsentConfig } from '../../src/types'
import { cleanUp, consoleOf, markup, pageWindow, settle, shadow, track, ui } from '../jsdom'
import { DANGEROUS_URLS, PAYLOADS, SHOWN_FIELDS, textConfig } from './xssCorpus'

afterEach(() => {
  cleanUp()
  Reflect.deleteProperty(navigator, 'globalPrivacyControl')
})

/** Every element of the page, the UI's and the placeholders' shadow roots included. */
function elements(root: Document | ShadowRoot = document): Element[] {
  return Array.from(root.querySelectorAll('*')).flatMap((el) => [el, ...(el.shadowRoot ? elements(el.shadowRoot) : [])])
}
/** The shape of the page: each element's tag and attribute names, in document order. */
const shape = () => elements().map((el) => `${el.localName}[${el.getAttributeNames().sort().join(' ')}]`)
/** All text the page shows or announces: text nodes and attribute values. */
const shown = () =>
  elements()
    .flatMap((el) => [
      ...Array.from(el.childNodes, (n) => (n.nodeType == 3 ? n.nodeValue : '')),
      ...el.getAttributeNames().map((a) => el.getAttribute(a)),
    ])
    .join('\n')

/**
 * Renders everything that shows a configured text: the banner with its revision and GPC
 * notices, the settings dialog, the footer link, the floating button and an iframe placeholder.
 */
async function renderAll(config: Record<string, unknown>): Promise<void> {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
  const before = createConsentWith({ revision: 0, categories: config.categories as never }, [])
  before.acceptAll()
  before.destroy()
  markup(`<main><iframe data-consent="marketing" data-src="https://player.test/embed" title="Video"></iframe></main>
    <footer data-consentry-footer></footer>`)
  const consent = track(createConsent(config as ConsentConfig))
  expect(consent.revisionChanged).toBe(true)
  consent.openSettings()
  await settle()
}

describe('the xss corpus', () => {
  it('shows each payload in every text field as text, with the same elements as plain text gets', async () => {
    consoleOf()
    const plain = (field: string) => `plain text #${field}`
    await renderAll(textConfig(plain))
    const expected = shape()
    expect(expected.length).toBeGreaterThan(30)
    expect(shown()).toContain(plain('translations.en.dialog.close'))
    cleanUp()
    for (const payload of PAYLOADS) {
      consoleOf()
      const text = (field: string) => `${payload} #${field}`
      await renderAll(textConfig(text))
      expect(shape(), payload).toEqual(expected)
      const all = shown()
      expect(
        SHOWN_FIELDS.filter((field) => !all.includes(text(field))),
        payload,
      ).toEqual([])
      // Placeholder texts name the category as the settings do, config title first: `{category}` filled, `$&` kept.
      const filled = (field: string) =>
        `${text(field)} {category}`.split('{category}').join(text('categories.marketing.title'))
      expect(
        ['translations.en.placeholder.text', 'translations.en.placeholder.button'].filter(
          (f) => !all.includes(filled(f)),
        ),
        payload,
      ).toEqual([])
      expect([pageWindow().xss, (window as { xss?: unknown }).xss], payload).toEqual([undefined, undefined])
      cleanUp()
    }
  })

  it('adds no inline event handler, script, style, iframe or foreign link anywhere in the ui', async () => {
    consoleOf()
    await renderAll(textConfig((field) => `${PAYLOADS.join(' ')} #${field}`))
    const ours = elements(shadow()!)
    expect(ours.length).toBeGreaterThan(20)
    for (const el of ours) {
      expect(
        el.getAttributeNames().filter((a) => a.startsWith('on')),
        el.outerHTML,
      ).toEqual([])
      expect(['script', 'iframe', 'img', 'svg', 'math', 'object', 'embed', 'template']).not.toContain(el.localName)
    }
    // The only <details> are the dialog's own cookie disclosures, at most one per category.
    expect(ours.filter((el) => el.localName == 'details').length).toBeLessThanOrEqual(4)
    // jsdom has no constructable stylesheets, so the UI falls back to one <style> of its own.
    const styles = ours.filter((el) => el.localName == 'style')
    expect(styles.length).toBeLessThanOrEqual(1)
    expect(styles.map((el) => el.textContent!.includes('xss'))).not.toContain(true)
    const links = ours.filter((el) => el.hasAttribute('href')).map((el) => el.getAttribute('href'))
    expect(links).toEqual(['https://www.site.test/privacy', 'https://www.site.test/privacy'])
  })

  it('refuses javascript:, data: and other non-http policy urls with a warning, and renders no link for them', async () => {
    for (const url of DANGEROUS_URLS) {
      const { warnings } = consoleOf()
      track(createConsent({ policyUrl: url }))
      await settle()
      const hrefs = elements().flatMap((el) => (el.hasAttribute('href') ? [el.getAttribute('href')] : []))
      expect(hrefs, JSON.stringify(url)).toEqual([])
      expect(ui().getByRole('region', { name: 'Cookie consent' })).toBeTruthy()
      expect(warnings, JSON.stringify(url)).toContainEqual(
        expect.stringMatching(/^\[consentry\] policyUrl must be an http\(s\) or relative URL, got string "/),
      )
      cleanUp()
    }
  })

  it('refuses javascript:, data: and other non-http record endpoints with a warning, and sends them nothing', async () => {
    const beacon = vi.fn(() => true)
    const fetched = vi.fn(async () => new Response(''))
    for (const url of DANGEROUS_URLS) {
      const { warnings } = consoleOf()
      Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true })
      vi.stubGlobal('fetch', fetched)
      track(createConsent({ recordEndpoint: url, reloadOnWithdraw: false })).acceptAll()
      await settle()
      expect(warnings, JSON.stringify(url)).toContainEqual(
        expect.stringMatching(/^\[consentry\] recordEndpoint must be an http\(s\) or relative URL, got string "/),
      )
      cleanUp()
    }
    Reflect.deleteProperty(navigator, 'sendBeacon')
    expect([beacon.mock.calls, fetched.mock.calls]).toEqual([[], []])
  })

  it('drops service names that are not plain words, with a warning, so none reaches the dialog', async () => {
    const { warnings } = consoleOf()
    const services = Object.fromEntries(PAYLOADS.map((p) => [p, { title: 'Hotjar' }]))
    const consent = track(createConsent({ categories: { analytics: { services } } }))
    consent.openSettings()
    await settle()
    expect(Object.keys(consent.get())).toEqual(['necessary', 'analytics', 'marketing', 'personalization'])
    expect(ui().getAllByRole('switch')).toHaveLength(4)
    expect(warnings).toContain(
      `[consentry] categories.analytics.services.${PAYLOADS[0]} must be named with letters, digits, _ or - (ignored)`,
    )
  })

  it('takes payloads as cookie names, storage keys and block rules without creating a cookie or an element', async () => {
    consoleOf()
    const rules = { cookies: [...PAYLOADS, '/(a+)+$/'], storage: PAYLOADS, block: PAYLOADS }
    const consent = track(
      createConsent({ reloadOnWithdraw: false, categories: { analytics: rules, marketing: rules } }),
    )
    consent.acceptAll()
    await settle()
    const cookies = document.cookie
    const before = shape()
    consent.rejectAll()
    await settle()
    expect(document.cookie.split('; ').map((c) => c.split('=')[0])).toEqual(
      cookies.split('; ').map((c) => c.split('=')[0]),
    )
    expect(shape().filter((s) => !before.includes(s))).toEqual([])
    expect(pageWindow().xss).toBeUndefined()
  })

  it('refuses payloads as cookie name, language and theme, with a warning each', () => {
    const { warnings } = consoleOf()
    const payload = PAYLOADS[2]!
    const consent = track(
      createConsent({ cookie: { name: payload }, language: `en${payload}`, theme: payload as never }),
    )
    expect([consent.config.cookie.name, consent.language, consent.config.theme]).toEqual(['consentry', 'en', 'auto'])
    expect(warnings).toContain(`[consentry] cookie.name must be a cookie name, got string ${JSON.stringify(payload)}`)
    expect(warnings).toContain(
      `[consentry] theme must be "light" or "dark" or "auto", got string ${JSON.stringify(payload)}`,
    )
    expect(document.querySelector('consentry-ui')!.getAttribute('theme')).toBe('auto')
  })
})

describe('careless translations', () => {
  it('fall back to english wherever a text is missing or of the wrong shape', async () => {
    consoleOf()
    const consent = track(
      createConsent({
        translations: {
          en: { banner: 'Cookies!', dialog: { title: 42, save: {} }, categories: 'none', footer: [] } as never,
        },
      }),
    )
    consent.openSettings()
    await settle()
    const root = shadow()!
    const texts = (selector: string) => Array.from(root.querySelectorAll(selector), (el) => el.textContent)
    expect(texts('section h2')).toEqual(['Cookie consent'])
    expect(texts('section button')).toEqual(['Accept all', 'Reject all', 'Settings'])
    expect(texts('dialog h2')).toEqual(['Cookie settings'])
    expect(texts('dialog [part~=actions] button')).toEqual(['Reject all', 'Accept all', 'Save settings'])
    expect(texts('dialog label')).toEqual(['Necessary', 'Analytics', 'Marketing', 'Personalization'])
    expect(ui().queryByRole('region', { name: 'Cookie consent' })).not.toBeNull()
  })
})
