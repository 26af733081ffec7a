import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSuite } from './harness.js'
import type { VisitOptions } from './harness.js'
import { uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

/** Records every CSP violation from the first moment, including ones inside shadow roots. */
const RECORD_VIOLATIONS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI), true)`

let n = 0
async function load(html: string, headers: Record<string, string> = {}, opts: VisitOptions = {}) {
  const opened = await suite.visit({ html, path: `/iso/${++n}`, headers }, { initScript: RECORD_VIOLATIONS, ...opts })
  await opened.page.locator('consentry-ui [part=banner]').waitFor()
  return opened
}

const styleOf = (page: Page, selector: string, props: string[]) =>
  page
    .locator('consentry-ui')
    .locator(selector)
    .first()
    .evaluate((el, props) => {
      const s = getComputedStyle(el)
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]))
    }, props)

/** Is the centre of the element the topmost thing there, i.e. really visible and clickable? */
const onTop = (page: Page, selector: string) =>
  page
    .locator('consentry-ui')
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect()
      const root = el.getRootNode() as ShadowRoot
      return r.width > 0 && r.height > 0 && root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) == el
    })

const HOSTILE = `<style>
button { display: none !important }
* { visibility: hidden !important; opacity: 0 !important; font-size: 0 !important; color: transparent !important; pointer-events: none !important; line-height: 0 !important }
consentry-ui, body > :first-child { display: none !important; all: unset !important; position: absolute !important; left: -9999px !important }
section, dialog, div { display: none !important }
</style>`

describe('isolation from the page', () => {
  it('stays visible, legible and clickable under a hostile page stylesheet', async () => {
    const { context, page } = await load(uiPage({ head: HOSTILE }))
    for (const part of ['[part~=accept]', '[part~=reject]', '[part~=settings]']) {
      expect(await onTop(page, part)).toBe(true)
      expect(await styleOf(page, part, ['visibility', 'opacity', 'display', 'font-size'])).toEqual({
        visibility: 'visible',
        opacity: '1',
        display: 'block',
        'font-size': '16px',
      })
    }
    await page.locator('consentry-ui [part~=settings]').click()
    expect(await onTop(page, '[part~=save]')).toBe(true)
    await page.locator('consentry-ui [part~=save]').click()
    expect(await page.evaluate(() => window.consentry.decided)).toBe(true)
    await context.close()
  })

  it('does not leak its styles into the page', async () => {
    const { context, page } = await load(uiPage())
    const pageButton = await page.locator('#count').evaluate((b) => getComputedStyle(b).backgroundColor)
    const uiButton = (await styleOf(page, '[part~=accept]', ['background-color']))['background-color']
    expect(uiButton).toBe('rgb(11, 87, 208)')
    expect(pageButton).not.toBe(uiButton)
    await context.close()
  })

  it('takes the documented custom properties and ::part() rules from the page', async () => {
    const theme = `<style>
:root { --consentry-bg: rgb(1, 2, 3); --consentry-fg: rgb(250, 250, 250); --consentry-accent: rgb(200, 0, 0); --consentry-accent-fg: rgb(0, 0, 1); --consentry-radius: 3px; --consentry-font: monospace; --consentry-space: 20px }
consentry-ui::part(reject) { text-transform: uppercase }
</style>`
    const { context, page } = await load(uiPage({ head: theme }))
    expect(await styleOf(page, 'section', ['background-color', 'color', 'padding-top', 'font-family'])).toEqual({
      'background-color': 'rgb(1, 2, 3)',
      color: 'rgb(250, 250, 250)',
      'padding-top': '20px',
      'font-family': 'monospace',
    })
    expect(
      await styleOf(page, '[part~=reject]', ['background-color', 'color', 'border-top-left-radius', 'text-transform']),
    ).toEqual({
      'background-color': 'rgb(200, 0, 0)',
      color: 'rgb(0, 0, 1)',
      'border-top-left-radius': '3px',
      'text-transform': 'uppercase',
    })
    await context.close()
  })

  it.each([
    ['auto', 'light', 'rgb(255, 255, 255)'],
    ['auto', 'dark', 'rgb(31, 31, 31)'],
    ['light', 'dark', 'rgb(255, 255, 255)'],
    ['dark', 'light', 'rgb(31, 31, 31)'],
  ] as const)('with theme %s and a %s colour scheme, has the background %s', async (theme, colorScheme, background) => {
    const { context, page } = await load(uiPage({ config: { theme } }), {}, { colorScheme })
    expect((await styleOf(page, 'section', ['background-color']))['background-color']).toBe(background)
    await context.close()
  })
})

describe('strict Content-Security-Policy', () => {
  const policies = {
    'nonces and style-src self': "script-src 'nonce-abc'; style-src 'self'",
    'Trusted Types as well':
      "script-src 'nonce-abc'; style-src 'self'; require-trusted-types-for 'script'; trusted-types consentry",
  }

  it.each(Object.entries(policies))('renders a styled UI with no violation under %s', async (_name, policy) => {
    const { context, page, errors } = await load(
      uiPage({ scriptAttrs: 'nonce="abc"', config: { policyUrl: '/privacy', floatingButton: true } }),
      {
        'Content-Security-Policy': policy,
      },
    )
    expect(await styleOf(page, '[part~=accept]', ['background-color', 'border-top-left-radius'])).toEqual({
      'background-color': 'rgb(11, 87, 208)',
      'border-top-left-radius': '8px',
    })
    await page.locator('consentry-ui [part~=settings]').click()
    await page.locator('consentry-ui dialog').waitFor()
    expect((await styleOf(page, 'dialog', ['max-width']))['max-width']).not.toBe('none')
    await page.locator('consentry-ui [part~=switch]').nth(1).check()
    await page.locator('consentry-ui [part~=save]').click()
    await page.locator('consentry-ui [part~=floating]').waitFor()
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('falls back to a <style> with the page nonce where constructable sheets are missing', async () => {
    const { context, page } = await load(
      uiPage({ config: { nonce: 'abc' } }),
      { 'Content-Security-Policy': "script-src 'nonce-abc' 'self'; style-src 'nonce-abc'" },
      {
        initScript: RECORD_VIOLATIONS + ';delete window.CSSStyleSheet',
      },
    )
    expect((await styleOf(page, '[part~=accept]', ['background-color']))['background-color']).toBe('rgb(11, 87, 208)')
    expect(await page.locator('consentry-ui').evaluate((h) => h.shadowRoot!.querySelector('style')!.nonce)).toBe('abc')
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
    await context.close()
  })
})
