import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { cookieValue, useBrowserSuite, warnings } from './harness.js'
import type { OpenPageOptions } from './harness.js'
import { focused, uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

let pages = 0
/** Opens a fresh page (own context, no cookies) with the UI page and `config`. */
async function open(config: unknown = {}, opts: OpenPageOptions = {}, extra: Parameters<typeof uiPage>[0] = {}) {
  const opened = await suite.visit({ html: uiPage({ config, ...extra }), path: `/ui/${++pages}` }, opts)
  await opened.page
    .getByRole('region', { name: 'Cookie consent' })
    .or(opened.page.locator('footer a'))
    .first()
    .waitFor()
  return opened
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookie consent' })
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' })
const tabUntil = async (page: Page, name: string, max = 60) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if ((await focused(page)).name.trim() == name) return
  }
  throw new Error(`Tab never reached "${name}"`)
}

describe('banner in Chromium', () => {
  it('is a named, non-modal region with Accept all, Reject all and Settings, and the page stays usable', async () => {
    const { context, page, errors } = await open()
    await expect(banner(page).getAttribute('aria-modal')).resolves.toBeNull()
    const names = await banner(page).getByRole('button').allTextContents()
    expect(names).toEqual(['Accept all', 'Reject all', 'Settings'])
    await page.locator('#count').click()
    await page.locator('#count').click()
    await expect(page.locator('#count').textContent()).resolves.toBe('Count 2')
    expect(errors).toEqual([])
    await context.close()
  })

  it('rejects with the keyboard alone: Tab reaches the banner first, Enter decides and removes it', async () => {
    const { context, page } = await open()
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: 'Accept all', inUI: true })
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatchObject({ name: 'Reject all', inUI: true })
    await page.keyboard.press('Enter')
    await banner(page).waitFor({ state: 'detached' })
    expect(await page.evaluate(() => [window.consentry.decided, window.consentry.record()!.method])).toEqual([
      true,
      'reject-all',
    ])
    expect(await cookieValue(context, 'consentry')).toBeTruthy()
    await context.close()
  })

  it('reopens from the footer link with Enter, changes a switch with Space, saves, and gives focus back', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Reject all' }).click()
    await tabUntil(page, 'Cookie Settings')
    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    expect(await focused(page)).toMatchObject({ inUI: true })
    await tabUntil(page, 'Analytics', 5)
    await page.keyboard.press('Space')
    await expect(dialog(page).getByRole('switch', { name: 'Analytics' }).isChecked()).resolves.toBe(true)
    await tabUntil(page, 'Save settings', 10)
    await page.keyboard.press('Enter')
    await dialog(page).waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => [window.consentry.has('analytics'), window.consentry.record()!.method])).toEqual([
      true,
      'custom',
    ])
    expect(await focused(page)).toEqual({ tag: 'A', name: 'Cookie Settings', inUI: false })
    await context.close()
  })

  it('opens from any [data-consentry-settings] element, added later too, by click, Enter and Space', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Accept all' }).click()
    await page.evaluate(() => {
      const div = document.createElement('div')
      div.setAttribute('data-consentry-settings', '')
      div.setAttribute('role', 'button')
      div.tabIndex = 0
      div.id = 'late'
      div.textContent = 'Privacy choices'
      document.querySelector('main')!.append(div)
    })
    for (const how of ['click', 'Enter', 'Space']) {
      if (how == 'click') await page.locator('#late').click()
      else {
        await page.locator('#late').focus()
        await page.keyboard.press(how)
      }
      await dialog(page).waitFor()
      await page.keyboard.press('Escape')
      await dialog(page).waitFor({ state: 'hidden' })
      expect(await page.evaluate(() => document.activeElement!.id)).toBe('late')
    }
    await context.close()
  })
})

describe('settings dialog in Chromium', () => {
  it('opens again when asked before the browser has told of its last close (Escape, then Enter at once)', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Settings' }).click()
    await dialog(page).waitFor()
    // Chromium queues the dialog's close event: a request in the same task must not be lost.
    await page.evaluate(() => {
      const element = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog')!
      const closed = new Promise((done) => element.addEventListener('close', done, { once: true }))
      element.close()
      window.consentry.openSettings()
      return closed
    })
    await expect(dialog(page).isVisible()).resolves.toBe(true)
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'hidden' })
    await context.close()
  })

  it('is a modal dialog with a labelled, described switch per category; Necessary checked and disabled', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Settings' }).click()
    await expect(dialog(page).getAttribute('aria-modal')).resolves.toBe('true')
    const switches = dialog(page).getByRole('switch')
    expect(
      await switches.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels![0]!.textContent)),
    ).toEqual(['Necessary', 'Analytics', 'Marketing', 'Personalization'])
    for (const name of ['Necessary', 'Analytics', 'Marketing', 'Personalization']) {
      const s = dialog(page).getByRole('switch', { name })
      expect(
        await s.evaluate(
          (e) => (e.getRootNode() as ShadowRoot).getElementById(e.getAttribute('aria-describedby')!)?.textContent,
        ),
      ).toBeTruthy()
    }
    const necessary = dialog(page).getByRole('switch', { name: 'Necessary' })
    expect([await necessary.isChecked(), await necessary.isDisabled()]).toEqual([true, true])
    expect(await dialog(page).getByRole('button').allTextContents()).toEqual([
      '×',
      'Reject all',
      'Accept all',
      'Save settings',
    ])
    // The page behind is inert: a click there does nothing.
    await page
      .locator('#count')
      .click({ force: true, timeout: 2000 })
      .catch(() => {})
    await expect(page.locator('#count').textContent()).resolves.toBe('Count 0')
    await context.close()
  })

  it('traps focus: Tab and Shift+Tab cycle inside the dialog', async () => {
    const { context, page } = await open({ policyUrl: '/privacy' })
    await banner(page).getByRole('button', { name: 'Settings' }).click()
    await dialog(page).waitFor()
    const forward: string[] = []
    for (let i = 0; i < 18; i++) {
      await page.keyboard.press('Tab')
      const f = await focused(page)
      expect(f.inUI).toBe(true)
      forward.push(f.name)
    }
    // Close, Privacy policy, Necessary's "Show cookies" (the SDK's own cookie), three switches,
    // three buttons: nine stops, then round again.
    expect(forward.slice(0, 9)).toEqual(forward.slice(9))
    expect(new Set(forward).size).toBe(9)
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab')
      expect((await focused(page)).inUI).toBe(true)
    }
    await context.close()
  })

  it('closes on Escape without saving and returns focus to the Settings button', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Settings' }).focus()
    await page.keyboard.press('Enter')
    await dialog(page).waitFor()
    await dialog(page).getByRole('switch', { name: 'Marketing' }).check()
    await page.keyboard.press('Escape')
    await dialog(page).waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => [window.consentry.decided, window.consentry.has('marketing')])).toEqual([
      false,
      false,
    ])
    expect(await focused(page)).toMatchObject({ name: 'Settings', inUI: true })
    await expect(banner(page).isVisible()).resolves.toBe(true)
    await context.close()
  })

  it('saves nested service switches as category.service', async () => {
    const { context, page } = await open({
      categories: { analytics: { services: { hotjar: { title: 'Hotjar' }, matomo: { title: 'Matomo' } } } },
    })
    await banner(page).getByRole('button', { name: 'Settings' }).click()
    await dialog(page).getByRole('switch', { name: 'Hotjar' }).check()
    await expect(dialog(page).getByRole('switch', { name: 'Analytics' }).isChecked()).resolves.toBe(true)
    await dialog(page).getByRole('button', { name: 'Save settings' }).click()
    await expect
      .poll(() =>
        page.evaluate(() => ['analytics', 'analytics.hotjar', 'analytics.matomo'].map((k) => window.consentry.has(k))),
      )
      .toEqual([true, true, false])
    await context.close()
  })
})

describe('notices and links in Chromium', () => {
  it('shows the Global Privacy Control notice in banner and dialog, and Accept all leaves marketing off', async () => {
    const { context, page } = await open({}, { gpc: true })
    await expect(banner(page).textContent()).resolves.toMatch(/Global Privacy Control/)
    await banner(page).getByRole('button', { name: 'Settings' }).click()
    await expect(dialog(page).textContent()).resolves.toMatch(/Global Privacy Control/)
    await dialog(page).getByRole('button', { name: 'Accept all' }).click()
    await expect
      .poll(() =>
        page.evaluate(() => [
          window.consentry.has('analytics'),
          window.consentry.has('marketing'),
          window.consentry.record()?.gpc,
        ]),
      )
      .toEqual([true, false, true])
    await context.close()
  })

  it('tells a returning visitor that the policy changed when the revision went up', async () => {
    const { context, page } = await open({ revision: 1 })
    await expect(banner(page).textContent()).resolves.not.toMatch(/changed/)
    await banner(page).getByRole('button', { name: 'Accept all' }).click()
    suite.server.page('/ui/revised', uiPage({ config: { revision: 2 } }))
    await page.goto(suite.server.url('/ui/revised'))
    await expect(banner(page).textContent()).resolves.toMatch(/cookie policy has changed/)
    await context.close()
  })

  it('links the privacy policy and refuses a javascript: URL with one warning', async () => {
    const first = await open({ policyUrl: '/privacy' })
    await expect(banner(first.page).getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).resolves.toBe(
      '/privacy',
    )
    await first.context.close()
    const second = await open({ policyUrl: 'javascript:alert(1)' })
    await expect(banner(second.page).getByRole('link').count()).resolves.toBe(0)
    expect(warnings(second.logs)).toEqual([
      expect.stringMatching(
        /^warning: \[consentry\] policyUrl must be an http\(s\) or relative URL, got .*javascript:alert\(1\)/,
      ),
    ])
    await second.context.close()
  })

  it('shows a floating button after the decision that reopens the settings', async () => {
    const { context, page } = await open({ floatingButton: true })
    const floating = page.locator('consentry-ui').getByRole('button', { name: 'Cookie Settings' })
    await expect(floating.isVisible()).resolves.toBe(false)
    await banner(page).getByRole('button', { name: 'Reject all' }).click()
    await expect(floating.isVisible()).resolves.toBe(true)
    const { width, height } = (await floating.boundingBox())!
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(24)
    await floating.click()
    await dialog(page).waitFor()
    await page.keyboard.press('Escape')
    expect(await focused(page)).toMatchObject({ name: 'Cookie Settings', inUI: true })
    await context.close()
  })

  it('renders nothing for a visitor who decided, but the footer link still opens the dialog', async () => {
    const { context, page } = await open()
    await banner(page).getByRole('button', { name: 'Accept all' }).click()
    await page.reload()
    await page.locator('footer a').waitFor()
    expect(await page.evaluate(() => document.querySelector('consentry-ui'))).toBeNull()
    await page.getByRole('link', { name: 'Cookie Settings' }).click()
    await dialog(page).waitFor()
    expect(await dialog(page).getByRole('switch', { name: 'Marketing' }).isChecked()).toBe(true)
    await context.close()
  })
})
