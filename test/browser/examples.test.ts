// The example pages as `npm start` serves them, driven as a visitor would.
import { describe, expect, it } from 'vitest'
import { openPage, useExamples } from './harness.js'

const suite = useExamples()
const open = async (path: string) => {
  const opened = await openPage(suite.browser, suite.server.url + path)
  suite.track(opened.context)
  return opened
}

describe('examples', () => {
  it('google consent mode: the stand-in tag loads only after consent and reads granted signals', async () => {
    const { page, errors } = await open('google-consent-mode/')
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
    const { page, errors } = await open('frameworks/')
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
