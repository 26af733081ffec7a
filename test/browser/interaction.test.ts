// What a click on the UI waits for (issue 17, INP): the banner's removal paints before the
// decision and its work, and the settings dialog is built before the footer link's click.
import { describe, expect, it } from 'vitest'
import { cookieValue, settled, useBrowserSuite } from './harness.js'
import type { SdkWindow } from './harness.js'
import { uiPage } from './fixtures/ui/helpers.js'

const suite = useBrowserSuite()

const CONFIG = {
  recordEndpoint: '/records',
  categories: { analytics: { cookies: ['_ga'] } },
}

// Before any page script: a log of the decision (its DOM event) and its deferred work (the record
// beacon, the tab broadcast, in the order the SDK subscribed them) and of the first frame after a
// click, with what that frame shows.
const PROBE = `
window.__log = []
const note = (what) => window.__log.push(what)
document.addEventListener('consentry:change', () => note('decision'))
const beacon = navigator.sendBeacon.bind(navigator)
navigator.sendBeacon = (url, body) => (note('beacon'), beacon(url, body))
const post = BroadcastChannel.prototype.postMessage
BroadcastChannel.prototype.postMessage = function (data) { note('broadcast'); return post.call(this, data) }
addEventListener('click', () => requestAnimationFrame(() => {
  const ui = document.querySelector('consentry-ui')
  note('frame: banner ' + (ui && ui.shadowRoot.querySelector('[part~=banner]') ? 'shown' : 'gone') +
    ', consent cookie ' + (document.cookie.includes('consentry=') ? 'present' : 'absent') +
    ', _ga ' + (document.cookie.includes('_ga=') ? 'present' : 'absent') +
    ', analytics tag ' + (window.__ran ? 'ran' : 'not run'))
}), true)
`

async function open(config: unknown, head = '', viewport?: { width: number; height: number }) {
  suite.server.route('/records', (_req, res) => {
    res.writeHead(204).end()
  })
  return suite.visit({ html: uiPage({ config, head }) }, { initScript: PROBE, viewport })
}

const log = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __log: string[] }).__log)

describe('a decision from the banner', () => {
  it('paints the banner gone before the decision, its gated tags, the beacon and the broadcast, which still happen', async () => {
    const gated = '<script type="text/plain" data-consent="analytics">window.__ran = true</script>'
    const { page, errors } = await open(CONFIG, gated)
    const other = await page.context().newPage()
    await other.goto(page.url())
    await page.getByRole('button', { name: 'Accept all' }).click()
    await expect
      .poll(() => log(page))
      .toEqual([
        'frame: banner gone, consent cookie absent, _ga absent, analytics tag not run',
        'decision',
        'broadcast',
        'beacon',
      ])
    // The deferred work reached its ends: the gated tag, the receiver's log and the other tab.
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBe(true)
    await expect.poll(() => suite.server.requests.filter((r) => r.url.includes(`/records`)).length).toBeGreaterThan(0)
    await expect.poll(() => other.evaluate(() => (window as SdkWindow).consentry.has('analytics'))).toBe(true)
    expect(errors).toEqual([])
  })

  it('deletes what a refused category left behind after the frame that shows the banner gone', async () => {
    const { page, context } = await open(CONFIG)
    await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
    await settled(page)
    // A leftover the page's scripts could not write (the storage guard refuses it): set by the server, say.
    await context.addCookies([{ name: '_ga', value: 'GA1.1.1', url: page.url() }])
    await page.getByRole('button', { name: 'Reject all' }).click()
    await expect
      .poll(() => log(page))
      .toEqual([
        'frame: banner gone, consent cookie absent, _ga present, analytics tag not run',
        'decision',
        'broadcast',
        'beacon',
      ])
    await expect.poll(() => cookieValue(context, '_ga')).toBeUndefined()
  })
})

describe('a decision clicked just before the page is left', () => {
  // No frame comes before the page is left: the decision waits for none, deterministically.
  const NO_FRAME = `${PROBE}\nwindow.requestAnimationFrame = () => 0`

  it.each([
    ['Accept all', 'reload', true],
    ['Reject all', 'link', false],
  ])(
    'stores "%s" and sends its record when the page is left (%s) before the next paint',
    async (name, how, analytics) => {
      suite.server.route('/records', (_req, res) => {
        res.writeHead(204).end()
      })
      const html = uiPage({ config: CONFIG, body: '<a href="/next">next page</a>' })
      const { page, context } = await suite.visit({ html }, { initScript: NO_FRAME })
      suite.server.page('/next', uiPage({ config: CONFIG }))
      await page.getByRole('region', { name: 'Cookie consent' }).waitFor()
      await settled(page)
      const records = () => suite.server.requests.filter((r) => r.path == '/records').length
      const before = records()
      await page.getByRole('button', { name }).click()
      expect(await page.getByRole('region', { name: 'Cookie consent' }).count()).toBe(0)
      // Still pending: no frame came.
      expect(await log(page)).toEqual([])
      if (how == 'reload') await page.reload()
      else await Promise.all([page.waitForURL(/\/next$/), page.getByRole('link', { name: 'next page' }).click()])
      await expect
        .poll(() =>
          page.evaluate(() => [
            (window as SdkWindow).consentry.decided,
            (window as SdkWindow).consentry.has('analytics'),
          ]),
        )
        .toEqual([true, analytics])
      expect(await page.getByRole('region', { name: 'Cookie consent' }).count()).toBe(0)
      expect(await cookieValue(context, 'consentry')).toBeDefined()
      await expect.poll(records).toBe(before + 1)
    },
  )
})

describe('the footer settings link', () => {
  it('builds no UI for a returning visitor until the link is pointed at or focused, then opens at once', async () => {
    const { page } = await open({})
    await page.getByRole('button', { name: 'Accept all' }).click()
    await page.reload()
    const link = page.locator('footer a')
    await link.waitFor()
    await settled(page)
    const ui = () => page.evaluate(() => document.querySelector('consentry-ui')?.shadowRoot?.innerHTML.length ?? 0)
    expect(await ui()).toBe(0)
    await link.hover()
    // Built and closed: nothing shows until the click.
    expect(await ui()).toBeGreaterThan(0)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await link.click()
    await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor()

    await page.reload()
    await link.waitFor()
    await settled(page)
    expect(await ui()).toBe(0)
    await link.focus()
    expect(await ui()).toBeGreaterThan(0)
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor()
  })

  it('lays the built dialog out while closed, hidden from view, focus and the page, so the click does not', async () => {
    const { page } = await open({}, '', { width: 320, height: 600 })
    await page.getByRole('button', { name: 'Accept all' }).click()
    await page.reload()
    const link = page.locator('footer a')
    await link.waitFor()
    await link.hover()
    await settled(page)
    const closed = () =>
      page.evaluate(() => {
        const dialog = document.querySelector('consentry-ui')!.shadowRoot!.querySelector('dialog')!
        const button = dialog.querySelector('button')!
        button.focus()
        return {
          open: dialog.open,
          // Set while closed (the visitor accepted all), so nothing animates as it opens.
          switchesOn: dialog.querySelectorAll('input:checked').length,
          laidOut: dialog.getBoundingClientRect().width > 0,
          visible: dialog.checkVisibility({ visibilityProperty: true }),
          focusable: document.querySelector('consentry-ui')!.shadowRoot!.activeElement === button,
          overflow: document.documentElement.scrollWidth - innerWidth,
        }
      })
    const hidden = { open: false, switchesOn: 4, laidOut: true, visible: false, focusable: false, overflow: 0 }
    expect(await closed()).toEqual(hidden)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await link.click()
    await page.getByRole('dialog', { name: 'Cookie settings' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await closed()).toEqual(hidden)
  })
})
