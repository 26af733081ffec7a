import { describe, expect, it } from 'vitest'
import { useBrowserSuite } from './harness.js'
import type { OpenPageOptions } from './harness.js'
import { uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

let n = 0
/** The UI page with language files before (`before`) or after (`after`) the SDK's script tag. */
async function open(
  opts: { lang?: string; config?: unknown; before?: string[]; after?: string[] },
  browserOpts: OpenPageOptions = {},
) {
  const tags = (codes: string[] = []) => codes.map((c) => `<script src="/dist/i18n/${c}.js"></script>\n`).join('')
  const html = uiPage({ lang: opts.lang, config: opts.config, head: tags(opts.after) }).replace(
    '<script src="/dist/',
    tags(opts.before) + '<script src="/dist/',
  )
  const opened = await suite.visit({ html, path: `/i18n-page/${++n}` }, browserOpts)
  await opened.page.locator('consentry-ui [part=banner]').waitFor()
  return opened
}

const names = (page: import('playwright-core').Page) =>
  page.locator('consentry-ui section').getByRole('button').allTextContents()

describe('languages in Chromium', () => {
  it('speaks English with no language file', async () => {
    const { context, page } = await open({ lang: 'de' })
    expect(await names(page)).toEqual(['Accept all', 'Reject all', 'Settings'])
    await context.close()
  })

  it('picks the language file that matches <html lang> among several loaded before the SDK', async () => {
    const { context, page } = await open({ lang: 'de-AT', before: ['fr', 'de'] })
    expect(await names(page)).toEqual(['Alle akzeptieren', 'Alle ablehnen', 'Einstellungen'])
    expect(await page.getByRole('region', { name: 'Cookie-Einwilligung' }).getAttribute('lang')).toBe('de')
    expect(await page.evaluate(() => window.consentry.language)).toBe('de')
    await context.close()
  })

  it('falls back to the browser languages when <html lang> has no texts', async () => {
    const { context, page } = await open({ lang: 'sv', before: ['pl', 'es'] }, { locale: 'es-MX' })
    expect(await names(page)).toEqual(['Aceptar todo', 'Rechazar todo', 'Configuración'])
    await context.close()
  })

  it('takes a language file loaded after the SDK when the language is configured', async () => {
    const { context, page } = await open({ lang: 'en', config: { language: 'it' }, after: ['it'] })
    expect(await names(page)).toEqual(['Accetta tutto', 'Rifiuta tutto', 'Impostazioni'])
    await page.locator('consentry-ui [part~=settings]').click()
    expect(
      await page.getByRole('dialog', { name: 'Impostazioni dei cookie' }).getByRole('switch').allInnerTexts(),
    ).toHaveLength(4)
    await context.close()
  })

  it('lets config.translations override single strings of a shipped language', async () => {
    const { context, page } = await open({
      lang: 'fr',
      before: ['fr'],
      config: { translations: { fr: { banner: { settings: 'Choisir' } } } },
    })
    expect(await names(page)).toEqual(['Tout accepter', 'Tout refuser', 'Choisir'])
    await context.close()
  })

  it('shows Arabic right to left, and records the language with the decision', async () => {
    const { context, page } = await open({ lang: 'ar', before: ['ar'] })
    const banner = page.getByRole('region', { name: 'الموافقة على ملفات تعريف الارتباط' })
    expect([await banner.getAttribute('dir'), await banner.getAttribute('lang')]).toEqual(['rtl', 'ar'])
    await banner.getByRole('button', { name: 'رفض الكل' }).click()
    expect(await page.evaluate(() => window.consentry.record()!.language)).toBe('ar')
    await context.close()
  })

  it('renders the footer link in the chosen language', async () => {
    const { context, page } = await open({ lang: 'nl', before: ['nl'] })
    expect(await page.locator('footer').getByRole('link').textContent()).toBe('Cookie-instellingen')
    await context.close()
  })
})
