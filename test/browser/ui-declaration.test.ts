// The cookie declaration and the consent id in real Chromium: the dialog's disclosures by
// keyboard, table semantics by role, axe-core (target-size on) in light, dark, right to left
// and at 320 px, no layout shift, a policy page with no config, the strict-CSP example.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { strictCsp } from '../../scripts/csp.mjs'
import { sitePage, startExampleServer, useBrowserSuite, warnings } from './harness.js'
import type { ExampleServer, OpenPageOptions } from './harness.js'
import { axe, focused, uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()
let examples: ExampleServer | undefined

const CONFIG = {
  categories: {
    analytics: {
      cookies: [{ name: '/^_ga_/', provider: 'Google', duration: '2 years', purpose: 'Keeps the state of a visit.' }],
      services: {
        hotjar: {
          title: 'Hotjar',
          description: 'Heatmaps of clicks.',
          provider: 'Hotjar Ltd',
          privacyPolicy: 'https://www.hotjar.com/privacy',
          cookies: [
            {
              name: '_hjSessionUser_1234567',
              duration: '1 year',
              purpose: 'Recognises a returning visitor across visits to the site.',
            },
          ],
        },
      },
    },
    marketing: { cookies: ['_fbp'] },
  },
}

beforeAll(() => {
  suite.server.page('/d/en', uiPage({ config: CONFIG }))
  suite.server.page(
    '/d/ar',
    uiPage({ config: CONFIG, lang: 'ar' })
      .replace('<html lang="ar">', '<html lang="ar" dir="rtl">')
      .replace('<script src="/dist/', '<script src="/dist/i18n/ar.js"></script>\n<script src="/dist/'),
  )
  suite.server.page(
    '/policy',
    sitePage({
      head: '<style>caption { color: rgb(1, 2, 3) } td { padding: 7px }</style>',
      body: '<main><h1>Cookie policy</h1><p>The cookies this site sets:</p><div data-consentry-declaration></div></main>',
    }),
  )
})

afterAll(() => {
  examples?.close()
})

/** Records layout-shift entries from the very start of the page. */
const RECORD_SHIFTS = `window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shifts.push({ value: e.value, recentInput: e.hadRecentInput }) })
  .observe({ type: 'layout-shift', buffered: true })`

/** Opens a test page with a decision made, then the settings dialog. */
async function decidedDialog(path: string, opts: OpenPageOptions = {}) {
  const opened = await suite.visit(path, opts)
  const { page } = opened
  await page.locator('consentry-ui [part~=reject]').click()
  await page.locator('[data-consentry-footer] a').click()
  await page.locator('consentry-ui dialog').waitFor()
  return opened
}

const dialogOf = (page: Page) => page.locator('consentry-ui dialog')

describe('the declaration in the settings dialog', () => {
  it('opens and closes by keyboard, and reveals a table with column headers and a row per cookie', async () => {
    const { page } = await decidedDialog('/d/en')
    // Tab from the close button to the first disclosure, as a keyboard user does.
    let f = await focused(page)
    for (let i = 0; i < 10 && f.tag != 'SUMMARY'; i++) {
      await page.keyboard.press('Tab')
      f = await focused(page)
    }
    expect(f).toEqual({ tag: 'SUMMARY', name: 'Show cookies', inUI: true })
    const necessary = dialogOf(page).getByRole('table', { name: 'Necessary' })
    expect(await necessary.isVisible()).toBe(false)
    await page.keyboard.press('Enter')
    await necessary.waitFor()
    expect(await necessary.getByRole('columnheader').allTextContents()).toEqual([
      'Name',
      'Provider',
      'Duration',
      'Purpose',
    ])
    expect(await necessary.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'consentry',
      '127.0.0.1',
      '182 days',
      'Remembers your cookie choices.',
    ])
    await page.keyboard.press(' ')
    await necessary.waitFor({ state: 'hidden' })

    // The next disclosure: Analytics, with its service as a row group led by a header cell.
    do {
      await page.keyboard.press('Tab')
      f = await focused(page)
    } while (f.tag != 'SUMMARY')
    await page.keyboard.press('Enter')
    const analytics = dialogOf(page).getByRole('table', { name: 'Analytics' })
    await analytics.waitFor()
    expect(
      await analytics.evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent))),
    ).toEqual([
      ['Name', 'Provider', 'Duration', 'Purpose'],
      ['/^_ga_/', 'Google', '2 years', 'Keeps the state of a visit.'],
      ['Hotjar · Hotjar Ltd · Privacy policy'],
      ['_hjSessionUser_1234567', 'Hotjar Ltd', '1 year', 'Recognises a returning visitor across visits to the site.'],
    ])
    expect(await analytics.getByRole('rowheader').allTextContents()).toEqual(['Hotjar · Hotjar Ltd · Privacy policy'])
    expect(await analytics.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe(
      'https://www.hotjar.com/privacy',
    )
    // Tab reaches the link inside the open disclosure.
    for (let i = 0; i < 5 && f.tag != 'A'; i++) {
      await page.keyboard.press('Tab')
      f = await focused(page)
    }
    expect(f).toEqual({ tag: 'A', name: 'Privacy policy', inUI: true })
  })

  const VARIANTS = [
    { name: 'light', path: '/d/en', opts: { colorScheme: 'light' as const } },
    { name: 'dark', path: '/d/en', opts: { colorScheme: 'dark' as const } },
    { name: 'right to left', path: '/d/ar', opts: { colorScheme: 'light' as const } },
    { name: '320 px wide', path: '/d/en', opts: { viewport: { width: 320, height: 560 } } },
  ]

  it.each(VARIANTS)(
    'has no axe-core violation with every disclosure open and the consent id shown, $name',
    async ({ path, opts }) => {
      const { page } = await decidedDialog(path, opts)
      for (const summary of await dialogOf(page).locator('summary').all()) {
        await summary.scrollIntoViewIfNeeded()
        await summary.click()
      }
      expect(await dialogOf(page).locator('table').count()).toBe(3)
      expect(await dialogOf(page).locator('[part~=id]').isVisible()).toBe(true)
      expect(await axe(page)).toEqual([])
      // Nothing sticks out sideways: the tables wrap inside the dialog.
      const overflow = await dialogOf(page).evaluate((d) => [
        d.scrollWidth - d.clientWidth,
        document.documentElement.scrollWidth - innerWidth,
      ])
      expect(overflow).toEqual([0, 0])
    },
  )

  it('shifts nothing the visitor did not ask for: no layout shift without input', async () => {
    const opened = await suite.visit('/d/en', { initScript: RECORD_SHIFTS })
    const { page } = opened
    await page.locator('consentry-ui [part~=settings]').click()
    await dialogOf(page).locator('summary').first().click()
    await dialogOf(page).getByRole('table', { name: 'Necessary' }).waitFor()
    await dialogOf(page).locator('[part~=reject]').click()
    // Measures time: no shift may show up in the 300 ms after the decision (the observer reports a frame or more late).
    await page.waitForTimeout(300)
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; recentInput: boolean }[] }).__shifts,
    )
    expect(shifts.filter((s) => !s.recentInput)).toEqual([])
  })
})

describe('the consent id in the settings dialog', () => {
  it('shows record().id after a decision and copies it to the clipboard', async () => {
    const { page, context } = await decidedDialog('/d/en')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin })
    const id = await page.evaluate(() => window.consentry.record()!.id)
    expect(await dialogOf(page).locator('[part~=id] code').textContent()).toBe(id)
    expect(await dialogOf(page).locator('[part~=id]').textContent()).toBe(`Your consent ID ${id} Copy`)
    await dialogOf(page).getByRole('button', { name: 'Copy' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(id)
  })

  it('selects the id where there is no clipboard (not a secure context)', async () => {
    const opened = await suite.visit('/d/en', { host: 'www.site.test' })
    const { page, errors } = opened
    expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false)
    await page.locator('consentry-ui [part~=accept]').click()
    await page.evaluate(() => window.consentry.openSettings())
    await dialogOf(page).getByRole('button', { name: 'Copy' }).click()
    const selected = await page.evaluate(() => document.getSelection()!.toString())
    expect(selected).toBe(await page.evaluate(() => window.consentry.record()!.id))
    // Hidden again once the decision is forgotten.
    await page.evaluate(() => window.consentry.reset())
    expect(await dialogOf(page).locator('[part~=id]').isHidden()).toBe(true)
    expect(errors).toEqual([])
  })
})

describe('the declaration on a policy page', () => {
  it('declares the SDK cookie on a page with no config, in plain markup styled by the site only', async () => {
    const opened = await suite.visit('/policy')
    const { page, logs, errors } = opened
    const table = page.locator('main').getByRole('table', { name: 'Necessary' })
    await table.waitFor()
    expect(await page.locator('main table').count()).toBe(1)
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Name', 'Provider', 'Duration', 'Purpose'])
    expect(await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      'consentry',
      '127.0.0.1',
      '182 days',
      'Remembers your cookie choices.',
    ])
    // The site's rules apply; the SDK's own (text-align:start on captions, cell padding) do not reach it.
    const look = await table.evaluate((t) => {
      const s = (el: Element) => getComputedStyle(el)
      return [
        s(t.querySelector('caption')!).color,
        s(t.querySelector('caption')!).textAlign,
        s(t.querySelector('td')!).padding,
        s(t.querySelector('th')!).padding,
      ]
    })
    // Chromium's own default for captions is -webkit-center.
    expect(look).toEqual(['rgb(1, 2, 3)', '-webkit-center', '7px', '1px'])
    await page.locator('consentry-ui [part~=reject]').click()
    expect(await axe(page)).toEqual([])
    expect([warnings(logs), errors]).toEqual([[], []])
  })

  it('renders in the strict-CSP example with Trusted Types, with zero violations', async () => {
    examples = await startExampleServer()
    const url = examples.url.replace('127.0.0.1', 'www.site.test') + 'strict-csp.html'
    expect((await fetch(url.replace('www.site.test', '127.0.0.1'))).headers.get('content-security-policy')).toMatch(
      /require-trusted-types-for 'script'/,
    )
    const opened = await suite.visit(url, {
      initScript: `window.__violations = []
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI))`,
    })
    const { page, logs, errors } = opened
    const marketing = page.locator('#cookies').getByRole('table', { name: 'Marketing' })
    await marketing.waitFor()
    expect(await marketing.getByRole('rowheader').allTextContents()).toEqual([
      'Demo Ads · Demo Ads Ltd · Privacy policy',
    ])
    expect(await marketing.getByRole('row').last().getByRole('cell').allTextContents()).toEqual([
      '_demo_m',
      'Demo Ads Ltd',
      '30 days',
      'Measures which ads brought you here.',
    ])
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    for (const summary of await dialogOf(page).locator('summary').all()) await summary.click()
    await dialogOf(page).getByRole('table', { name: 'Marketing' }).waitFor()
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
    expect([logs.filter((l) => /Refused|Trusted Type|violat/i.test(l)), warnings(logs), errors]).toEqual([[], [], []])
    expect(strictCsp('x')).toContain("style-src 'self'")
  })
})
