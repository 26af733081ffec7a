// Largest Contentful Paint on the hero page (the shop page with a real 1600 × 500 image hero,
// ./hero.mjs): a load with no input, its LCP entries collected from the start and read once the
// page has settled (load, the banner if any, then a second), and whether the final LCP element
// is the hero, or the library's own UI (its banner or anything inside its root).
import { VIEWPORT } from './tabs.mjs'

const TIMEOUT_MS = 30_000
const SETTLE_MS = 1000

/** The init script: every LCP entry, with what its element is (`ui` is a selector for the library's root). */
const observeLcp = (ui) => {
  window.__lcp = []
  const inUi = (el) => {
    for (let node = el; node; node = node.parentNode || node.host) if (ui && node.matches?.(ui)) return true
    return false
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element
      window.__lcp.push({
        at: e.startTime,
        size: e.size,
        url: e.url,
        what: el
          ? el.localName + (el.className && typeof el.className == 'string' ? '.' + el.className.split(' ')[0] : '')
          : '(no element)',
        ui: el ? inUi(el) : undefined,
      })
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true })
}

/**
 * Loads `page` (`{ heroUrl, target, ui }`) in a fresh context at `cpu`× and resolves
 * `{ lcp, element, isHero, isUi, candidates }`.
 */
export async function measureLcp(browser, page, { cpu }) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const tab = await context.newPage()
    await tab.addInitScript(observeLcp, page.ui)
    const cdp = await context.newCDPSession(tab)
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
    await tab.goto(page.heroUrl, { waitUntil: 'load' })
    if (page.banner) await tab.waitForFunction(page.target.ready, null, { timeout: TIMEOUT_MS, polling: 50 })
    await tab.waitForTimeout(SETTLE_MS)
    const entries = await tab.evaluate(() => window.__lcp)
    const last = entries.at(-1)
    if (!last) throw new Error(`${page.name}: no LCP entry on the hero page`)
    // An element inside a shadow root is not exposed to the page's observer: it reports none.
    const inShadowUi =
      last.what == '(no element)' &&
      !!page.ui &&
      (await tab.evaluate((ui) => !!document.querySelector(ui)?.shadowRoot, page.ui))
    return {
      lcp: last.at,
      element: last.what,
      isHero: !!last.url && last.url.endsWith('/media/hero.png'),
      isUi: !!last.ui || inShadowUi,
      candidates: entries.map(
        (e) => `${e.what}${e.ui ? ' (UI)' : ''} ${Math.round(e.size)} px² at ${e.at.toFixed(0)} ms`,
      ),
    }
  } finally {
    await context.close()
  }
}
