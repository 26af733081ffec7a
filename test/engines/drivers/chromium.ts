// Chromium through playwright-core, launched as test/browser/harness.ts does (Debian's build,
// every *.test host mapped to the local server).
import type { Page } from 'playwright-core'
import { launchBrowser } from '../../browser/harness.js'
import { DEFAULT_VIEWPORT } from './types.js'
import type { Engine, EnginePage, Key } from './types.js'

export async function launchChromium(): Promise<Engine> {
  const browser = await launchBrowser()
  return {
    name: 'chromium',
    version: 'chromium/' + browser.version(),
    async open(options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? DEFAULT_VIEWPORT })
      return playwrightPage(await context.newPage())
    },
    close: () => browser.close(),
  }
}

function playwrightPage(page: Page): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    click: (x, y) => page.mouse.click(x, y),
    press: (key: Key) => page.keyboard.press(key),
    cookies: () => page.context().cookies(page.url()),
    screenshot: () => page.screenshot(),
    close: () => page.context().close(),
  }
}
