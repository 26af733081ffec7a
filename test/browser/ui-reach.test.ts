// DESIGN §3: the banner never takes the page away. While it shows, every footer link (the site's
// `data-consentry-settings` link, the `data-consentry-footer` widget, legal links) can be scrolled
// above it and clicked with a real pointer click (no `force`: Playwright refuses a click that the
// banner would intercept), and a focused link is never hidden behind it (WCAG 2.4.11) — on a short
// page, a short page whose footer sits at the bottom of the window, and a long one, at desktop and 320 px.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sitePage, useBrowserSuite } from './harness.js'

const suite = useBrowserSuite()

const FOOTER = `<footer><a href="#imprint" id="imprint">Imprint</a> · <a href="#privacy" id="privacy">Privacy</a> ·
  <a href="#" data-consentry-settings>Manage cookies</a><div data-consentry-footer></div></footer>`
const PAGES: Record<string, string> = {
  short: `<main><h1>Short page</h1><p>One line of text.</p></main>${FOOTER}`,
  // A common layout: the footer pinned to the bottom of the window on a page shorter than it.
  'footer at the bottom': `<div style="display:flex;flex-direction:column;min-height:100vh"><main style="flex:1"><h1>Sticky footer</h1></main>${FOOTER}</div>`,
  long: `<main><h1>Long page</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>'.repeat(60)}</main>${FOOTER}`,
}
const VIEWPORTS = { '1280 × 720': { width: 1280, height: 720 }, '320 px': { width: 320, height: 568 } }

/** Records every layout shift from the very start of the page. */
const RECORD_SHIFTS = `window.shifts = []
new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value + ' ' + e.sources.map((s) => s.node && s.node.nodeName)))).observe({ type: 'layout-shift', buffered: true })`

async function open(name: string, viewport: { width: number; height: number }, widget = true) {
  const path = '/reach-' + name.replace(/\W+/g, '-') + (widget ? '' : '-no-widget')
  const body = widget ? PAGES[name]! : PAGES[name]!.replace('<div data-consentry-footer></div>', '')
  // The site's own styles: the pinned-footer layout uses a style attribute, which this page's (absent) CSP allows.
  const html = sitePage({ head: '<style>body{margin:0}footer{padding:1em}</style>', body })
  const opened = await suite.visit({ html, path }, { viewport, initScript: RECORD_SHIFTS })
  await opened.page.locator('consentry-ui section').waitFor()
  return opened.page
}

const bannerTop = (page: Page) => page.locator('consentry-ui section').evaluate((el) => el.getBoundingClientRect().top)
const links = (page: Page) => [
  page.getByRole('link', { name: 'Imprint' }),
  page.getByRole('link', { name: 'Privacy' }),
  page.getByRole('link', { name: 'Manage cookies' }),
  page.getByRole('link', { name: 'Cookie Settings' }),
]

describe.each(Object.entries(VIEWPORTS))('at %s, while the banner shows', (_size, viewport) => {
  it.each(Object.keys(PAGES))('every footer link of a %s page takes a real click', async (name) => {
    const page = await open(name, viewport)
    for (const link of links(page)) {
      // Playwright scrolls the link into view and clicks only where the link itself receives the pointer.
      await link.click({ timeout: 3000 })
      const dialog = page.getByRole('dialog', { name: 'Cookie settings' })
      if (await dialog.isVisible()) {
        await page.keyboard.press('Escape')
        await dialog.waitFor({ state: 'hidden' })
      }
    }
    expect(page.url()).toMatch(/#privacy$/)
    expect(await page.locator('consentry-ui section').isVisible()).toBe(true)
  })

  it.each(Object.keys(PAGES))('keeps each focused footer link of a %s page clear of the banner', async (name) => {
    const page = await open(name, viewport)
    const names: string[] = []
    for (let i = 0; i < 30 && names.length < 4; i++) {
      await page.keyboard.press('Tab')
      const box = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const inFooter = !!el.closest('footer') || el.tagName == 'CONSENTRY-UI'
        return inFooter && el.tagName == 'A'
          ? { name: el.textContent!.trim(), ...el.getBoundingClientRect().toJSON() }
          : null
      })
      if (!box) continue
      names.push(box.name)
      expect(box.top, box.name).toBeGreaterThanOrEqual(0)
      expect(box.bottom, box.name).toBeLessThanOrEqual(await bannerTop(page))
    }
    expect(names).toEqual(['Imprint', 'Privacy', 'Manage cookies', 'Cookie Settings'])
  })

  it.each(Object.keys(PAGES))('moves nothing on a %s page when it reserves the banner height', async (name) => {
    // Without the footer widget, which draws its link once the page is parsed and so grows the footer.
    const page = await open(name, viewport, false)
    // A frame after the banner's: any shift its reservation caused has been reported.
    await page.evaluate(() => new Promise(requestAnimationFrame))
    expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([])
    expect(await page.evaluate(() => parseFloat(document.documentElement.style.paddingBottom))).toBeGreaterThan(100)
  })
})
