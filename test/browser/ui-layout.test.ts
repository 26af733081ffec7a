import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { useBrowserSuite } from './harness.js'
import type { OpenPageOptions } from './harness.js'
import { focused, uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

/** Records layout-shift entries from the very start of the page, with what moved. */
const RECORD_SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, recentInput: e.hadRecentInput,
  moved: e.sources.map((s) => s.node ? s.node.nodeName + '#' + (s.node.id || '') : '?') }) }).observe({ type: 'layout-shift', buffered: true })`

beforeAll(async () => {
  suite.server.page(
    '/layout',
    uiPage({ config: { policyUrl: '/privacy', categories: { marketing: { services: { ads: { title: 'Ads' } } } } } }),
  )
})

async function open(opts: OpenPageOptions = {}) {
  const opened = await suite.visit('/layout', { initScript: RECORD_SHIFTS, ...opts })
  await opened.page.locator('consentry-ui [part=banner]').waitFor()
  return opened
}

const rect = (page: Page, selector: string) =>
  page
    .locator('consentry-ui')
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect)

/**
 * Every rendered control of the UI: its size and whether it is inside the viewport
 * horizontally. The policy link sits inside a sentence: WCAG 2.5.8 exempts inline targets.
 */
const targets = (page: Page) =>
  page.locator('consentry-ui').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('button, input')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ width: r.width, height: r.height, inside: r.left >= 0 && r.right <= innerWidth })),
  )

const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth)

describe('layout', () => {
  it.each([
    ['320 px wide', { width: 320, height: 560 }],
    ['200 % zoom of a 640 × 800 window', { width: 320, height: 400 }],
    ['200 % zoom of a 1280 × 800 window', { width: 640, height: 400 }],
  ])('fits %s: no sideways scrolling, every target inside and at least 24 × 24 px', async (_name, viewport) => {
    const { context, page } = await open({ viewport })
    for (const step of ['banner', 'dialog']) {
      if (step == 'dialog') {
        await page.locator('consentry-ui [part~=settings]').click()
        await page.locator('consentry-ui dialog').waitFor()
      }
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0)
      const all = await targets(page)
      expect(all.length).toBeGreaterThan(2)
      for (const t of all) {
        expect(t.inside).toBe(true)
        expect(Math.min(t.width, t.height)).toBeGreaterThanOrEqual(24)
      }
      const box = await rect(page, step == 'banner' ? 'section' : 'dialog')
      expect([box.left >= 0, box.right <= viewport.width, box.top >= 0, box.bottom <= viewport.height]).toEqual([
        true,
        true,
        true,
        true,
      ])
    }
    // Whatever does not fit scrolls inside the dialog, down to its last button.
    await page.locator('consentry-ui [part~=save]').scrollIntoViewIfNeeded()
    await page.locator('consentry-ui [part~=save]').click()
    await expect.poll(() => page.evaluate(() => window.consentry.decided)).toBe(true)
    await context.close()
  })

  it('gives Accept all and Reject all the same element, size and style, in the banner and in the dialog', async () => {
    const { context, page } = await open()
    const look = (selector: string) =>
      page
        .locator('consentry-ui')
        .locator(selector)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el)
          const r = el.getBoundingClientRect()
          return [
            el.tagName,
            Math.round(r.width),
            Math.round(r.height),
            s.font,
            s.color,
            s.backgroundColor,
            s.border,
            s.borderRadius,
            s.padding,
          ].join('|')
        })
    expect(await look('section [part~=accept]')).toBe(await look('section [part~=reject]'))
    await page.locator('consentry-ui [part~=settings]').click()
    expect(await look('dialog [part~=accept]')).toBe(await look('dialog [part~=reject]'))
    await context.close()
  })

  it('causes no layout shift: CLS stays 0 through banner, dialog and decision', async () => {
    const { context, page } = await open()
    await page.locator('consentry-ui [part~=settings]').click()
    await page.locator('consentry-ui [part~=reject]').last().click()
    // Measures time: no shift may show up in the 300 ms after the decision (the observer reports a frame or more late).
    await page.waitForTimeout(300)
    type Shift = { value: number; recentInput: boolean; moved: string[] }
    const shifts = () => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts)
    // Every shift, even those CLS forgives after a click: the UI moves nothing. A failure names what moved.
    expect(await shifts()).toEqual([])
    // The observer does see shifts: one made on purpose is counted.
    await page.evaluate(() =>
      document.querySelector('main')!.prepend(Object.assign(document.createElement('p'), { textContent: 'New' })),
    )
    await expect.poll(async () => (await shifts()).length).toBeGreaterThan(0)
    await context.close()
  })

  it('keeps the focused page element clear of the banner, down to the last link of the page', async () => {
    const { context, page } = await open({ viewport: { width: 800, height: 600 } })
    const bannerTop = (await rect(page, 'section')).top
    let seen = 0
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const f = await focused(page)
      if (f.inUI) continue
      if (f.tag == 'BODY') break
      const bottom = await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom)
      expect(bottom, f.name).toBeLessThanOrEqual(bannerTop)
      seen++
      if (f.name == 'Cookie Settings') break
    }
    expect(seen).toBeGreaterThan(10)
    await context.close()
  })

  it('restores the page scroll padding once the banner is gone', async () => {
    const { context, page } = await open()
    const padding = () =>
      page.evaluate(() => [
        document.documentElement.style.scrollPaddingBottom,
        document.documentElement.style.paddingBottom,
      ])
    expect((await padding()).map((p) => parseFloat(p) > 50)).toEqual([true, true])
    await page.locator('consentry-ui [part~=reject]').click()
    expect(await padding()).toEqual(['', ''])
    await context.close()
  })

  it('moves nothing for a visitor who prefers reduced motion', async () => {
    const { context, page } = await open()
    await page.locator('consentry-ui [part~=settings]').click()
    const duration = () =>
      page
        .locator('consentry-ui [part~=switch]')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).transitionDuration)
    expect(await duration()).toBe('0.2s')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await duration()).toBe('0s')
    await page.locator('consentry-ui [part~=switch]').nth(1).check()
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
    await context.close()
  })

  it('lays out right to left for Arabic: Accept all at the right, switches mirrored', async () => {
    suite.server.page(
      '/layout-ar',
      uiPage({ config: { language: 'ar', translations: { ar: { banner: { title: 'موافقة' } } } }, lang: 'ar' }),
    )
    const { context, page } = await suite.visit('/layout-ar')
    await page.locator('consentry-ui [part=banner]').waitFor()
    const accept = await rect(page, '[part~=accept]')
    const reject = await rect(page, '[part~=reject]')
    expect(accept.left).toBeGreaterThan(reject.left)
    await page.locator('consentry-ui [part~=settings]').click()
    const dialog = await rect(page, 'dialog')
    const toggle = await rect(page, '[part~=switch]')
    expect(toggle.left - dialog.left).toBeLessThan(dialog.right - toggle.right)
    await context.close()
  })
})
