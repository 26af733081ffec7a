// Firefox ESR through puppeteer-core over WebDriver BiDi. Every host name resolves to
// 127.0.0.1 (network.dns.forceResolve), so *.test sites reach the local test server.
import puppeteer from 'puppeteer-core'
import type { Page } from 'puppeteer-core'
import { DEFAULT_VIEWPORT } from './types.js'
import type { Engine, EnginePage, Key } from './types.js'

/** Debian's Firefox ESR, or `FIREFOX_PATH`. */
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'

export async function launchFirefox(): Promise<Engine> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      // No upgrade of the test sites' http:// to https://.
      'dom.security.https_first': false,
    },
  })
  return {
    name: 'firefox',
    version: await browser.version(),
    async open(options = {}) {
      // A BiDi user context: its own cookie jar and storage, like a fresh profile.
      const context = await browser.createBrowserContext()
      const page = await context.newPage()
      await page.setViewport(options.viewport ?? DEFAULT_VIEWPORT)
      return puppeteerPage(page, () => context.close())
    },
    close: () => browser.close(),
  }
}

function puppeteerPage(page: Page, close: () => Promise<void>): EnginePage {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (x, y) => page.mouse.click(x, y),
    async press(key: Key) {
      if (key === 'Shift+Tab') {
        await page.keyboard.down('Shift')
        await page.keyboard.press('Tab')
        await page.keyboard.up('Shift')
      } else {
        await page.keyboard.press(key)
      }
    },
    cookies: () => page.cookies(),
    screenshot: async () => Buffer.from(await page.screenshot()),
    close,
  }
}
