import { beforeAll, describe, expect, it } from 'vitest'
import { useBrowserSuite } from './harness.js'
import { axe, uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

beforeAll(async () => {
  const config = {
    policyUrl: '/privacy',
    floatingButton: true,
    categories: { analytics: { services: { hotjar: { title: 'Hotjar', description: 'Heatmaps of clicks.' } } } },
  }
  suite.server.page('/a11y/en', uiPage({ config }))
  suite.server.page('/a11y/ar', arabic(uiPage({ config, lang: 'ar' })))
})

/** The page right to left, with the Arabic language file loaded before the SDK. */
const arabic = (html: string) =>
  html
    .replace('<html lang="ar">', '<html lang="ar" dir="rtl">')
    .replace('<script src="/dist/', '<script src="/dist/i18n/ar.js"></script>\n<script src="/dist/')

const VARIANTS = [
  { name: 'light', path: '/a11y/en', colorScheme: 'light' as const },
  { name: 'dark', path: '/a11y/en', colorScheme: 'dark' as const },
  { name: 'right-to-left', path: '/a11y/ar', colorScheme: 'light' as const },
]

describe('axe-core, target-size included, finds nothing', () => {
  it('sees inside the shadow root and checks target sizes (a broken button is reported)', async () => {
    const { context, page } = await suite.visit('/a11y/en')
    await page.locator('consentry-ui [part=banner]').waitFor()
    await page.evaluate(() => {
      const b = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('[part~=accept]')!
      b.textContent = ''
    })
    expect((await axe(page)).map((v) => v.id)).toEqual(['button-name'])
    await context.close()
  })

  it.each(VARIANTS)('in the banner, $name', async ({ path, colorScheme }) => {
    const { context, page } = await suite.visit(path, { colorScheme })
    await page.locator('consentry-ui [part=banner]').waitFor()
    expect(await page.locator('consentry-ui section').getAttribute('dir')).toBe(path.endsWith('ar') ? 'rtl' : 'ltr')
    expect(await axe(page)).toEqual([])
    await context.close()
  })

  it.each(VARIANTS)('in the settings dialog, $name', async ({ path, colorScheme }) => {
    const { context, page } = await suite.visit(path, { colorScheme })
    await page.locator('consentry-ui [part~=settings]').click()
    await page.locator('consentry-ui dialog').waitFor()
    await page.locator('consentry-ui [part=switch]').nth(1).check()
    expect(await axe(page)).toEqual([])
    await context.close()
  })

  it.each(VARIANTS)(
    'with the floating button and footer link after a decision, $name',
    async ({ path, colorScheme }) => {
      const { context, page } = await suite.visit(path, { colorScheme })
      await page.locator('consentry-ui [part~=reject]').click()
      await page.locator('consentry-ui [part~=floating]').waitFor()
      expect(await axe(page)).toEqual([])
      await context.close()
    },
  )
})
