// The example pages (`npm start`) in real Chromium: nothing gated runs before consent, and after it runs and
// stays; each demo page driven as a visitor would.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { consentState, cookieValue, useBrowserSuite, useExamples } from './harness.js'
import type { SdkWindow } from './harness.js'

// The index page on the test server, whose request log witnesses what loaded.
describe('the example site', () => {
  const HOST = 'www.site.test'
  const suite = useBrowserSuite()

  async function openExample() {
    suite.server.clear()
    return suite.visit('/examples/', { host: HOST })
  }

  const tagLog = (page: Page) => page.locator('#tag-log li').allTextContents()

  const banner = (page: Page) => {
    const name = { name: 'Cookie consent', exact: true }
    return page.getByRole('region', name).or(page.getByRole('dialog', name))
  }

  it('loads without errors or warnings and runs no gated tag before a decision', async () => {
    const { page, logs, errors } = await openExample()
    expect(await consentState(page)).toMatchObject({ decided: false })
    expect(await page.evaluate(() => (window as SdkWindow).consentry.config.revision)).toBe(1)
    expect(suite.server.requested('/examples/tags/analytics.js')).toBe(false)
    expect(suite.server.requested('/examples/embed.html')).toBe(false)
    expect(await tagLog(page)).toEqual([])
    expect(await page.locator('#recommended').count()).toBe(0)
    expect(await page.locator('#consent-state').textContent()).toContain('"decided": false')
    expect((await page.context().cookies()).map((c) => c.name)).toEqual([])
    expect(logs.filter((l) => !l.startsWith('log:'))).toEqual([])
    expect(errors).toEqual([])
  })

  it('runs every demo tag once the visitor accepts all, and again after a reload', async () => {
    const { page, context, errors } = await openExample()
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect
      .poll(() => tagLog(page))
      .toEqual([
        'Analytics tag ran — visit #1, set cookies _demo_a and _demo_a_session',
        'Marketing pixel fired — set cookie _demo_m',
      ])
    expect(await page.locator('#consent-state').textContent()).toContain('"decided": true')
    expect(suite.server.requested('/examples/tags/analytics.js')).toBe(true)
    await expect.poll(() => suite.server.requested('/examples/embed.html')).toBe(true)
    expect(await cookieValue(context, '_demo_a')).toBe('1')
    await page.reload()
    expect(await consentState(page)).toMatchObject({ decided: true, choices: { analytics: true, marketing: true } })
    expect(await banner(page).count()).toBe(0)
    await expect
      .poll(() => tagLog(page))
      .toEqual([
        'Analytics tag ran — visit #2, set cookies _demo_a and _demo_a_session',
        'Marketing pixel fired — set cookie _demo_m',
      ])
    await expect.poll(() => page.locator('#recommended').count()).toBe(1)
    expect(await page.locator('p[data-consent="!marketing"]').isVisible()).toBe(false)
    expect(errors).toEqual([])
  })

  it('removes the analytics cookies and storage when the visitor withdraws from the footer link', async () => {
    const { page, context, errors } = await openExample()
    await page.getByRole('button', { name: 'Accept all', exact: true }).click()
    await expect.poll(() => cookieValue(context, '_demo_a')).toBe('1')
    await page.getByRole('navigation', { name: 'Legal' }).getByRole('link', { name: 'Cookie Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' })
    await dialog.getByRole('switch', { name: 'Analytics' }).click()
    const reloaded = page.waitForEvent('load')
    await dialog.getByRole('button', { name: 'Save settings' }).click()
    await reloaded
    expect(await consentState(page)).toMatchObject({
      decided: true,
      choices: { analytics: false, marketing: true, personalization: true },
    })
    expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['_demo_m', 'consentry'])
    expect(await page.evaluate(() => localStorage.getItem('demo_visits'))).toBeNull()
    expect(await tagLog(page)).toEqual(['Marketing pixel fired — set cookie _demo_m'])
    expect(errors).toEqual([])
  })
})

// The other pages as `npm start` serves them.
describe('examples', () => {
  const suite = useExamples()

  it('google consent mode: the stand-in tag loads only after consent and reads granted signals', async () => {
    const { page, errors } = await suite.visit('google-consent-mode/')
    await expect.poll(() => page.locator('#data-layer li').first().textContent()).toContain('consent default')
    expect(await page.locator('#tag-status').textContent()).toContain('not loaded')
    await page.getByRole('button', { name: 'Accept all' }).first().click()
    await expect
      .poll(() => page.locator('#tag-status').textContent())
      .toBe('Google tag: loaded; analytics_storage is granted, ad_storage is granted.')
    await expect.poll(() => page.locator('#data-layer').textContent()).toContain('event consentry_update')
    expect(errors).toEqual([])
  })

  it('frameworks: vue draws its own bar from the headless core, and the blocker still gates', async () => {
    const { page, errors } = await suite.visit('frameworks/')
    const bar = page.getByRole('region', { name: 'Cookie consent' })
    await bar.waitFor()
    expect(await page.getByText('The video needs marketing consent.').isVisible()).toBe(true)
    expect(await page.getByText('A video embed would play here.').count()).toBe(0)
    await bar.getByRole('button', { name: 'Accept all' }).click()
    await page.getByText('A video embed would play here.').waitFor()
    expect(await bar.count()).toBe(0)
    expect(await page.getByText('The video needs marketing consent.').isVisible()).toBe(false)
    expect(await page.getByText('marketing: granted').count()).toBe(1)
    expect(errors).toEqual([])
  })
})
