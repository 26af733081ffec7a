// Gated markup for a returning visitor (DESIGN §2): the decision is stored, so the page's own HTML is
// parsed with consent already given and each gated element activates while the parser inserts it.
// Driven as a visitor meets it: a decision on one page, then a real second page view and a real
// reload, with the server's request log and the frames' loaded documents as witnesses.
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { sitePage, useBrowserSuite } from './harness.js'
import type { SdkWindow } from './harness.js'

const HOST = 'www.site.test'
const suite = useBrowserSuite()
afterEach(() => suite.server.clear())

const on = (host: string, path: string) => suite.server.url(path, host)
/** Paths requested from `host`, in order. */
const to = (host: string) => suite.server.requests.filter((r) => r.host === host).map((r) => r.path)

/** Gated markup of every kind the parser can meet: frames, images, a srcset, a template. */
const GATED = () => `<main>
  <h1>Returning visitor</h1>
  <iframe data-consent="marketing" title="Video" width="320" height="180" data-src="${on('video.test', '/embed/video')}"></iframe>
  <p>Text between the embeds.</p>
  <iframe data-consent="personalization" title="Map" data-src="${on('maps.test', '/embed/map')}"></iframe>
  <img data-consent="marketing" alt="" data-src="${on('px.test', '/img/pixel.gif')}">
  <img data-consent="marketing" alt="" width="10" data-srcset="${on('px.test', '/img/set.gif')} 1x">
  <template data-consent="marketing"><iframe title="Widget" src="${on('widget.test', '/embed/widget')}"></iframe></template>
  <iframe data-consent="marketing" title="Last" data-src="${on('video.test', '/embed/last')}"></iframe></main>`

const EMBEDS = [
  'video.test /embed/video',
  'maps.test /embed/map',
  'widget.test /embed/widget',
  'video.test /embed/last',
]

function serve(): void {
  suite.server.page('/first', sitePage({ body: '<main><h1>Home</h1><a href="/second">Next</a></main>' }))
  suite.server.page('/second', sitePage({ body: GATED() }))
  for (const embed of EMBEDS) {
    const path = embed.split(' ')[1]!
    suite.server.page(path, `<!doctype html><title>${path}</title><p id="loaded">${path}</p>`)
  }
}

/** The text the document of the frame titled `title` shows; '' while it is at about:blank. */
async function frameText(page: Page, title: string): Promise<string> {
  const frame = (await (await page.locator(`iframe[title="${title}"]`).elementHandle())!.contentFrame())!
  return frame.url() == 'about:blank' ? '' : ((await frame.locator('#loaded').textContent()) ?? '')
}
const frameTexts = async (page: Page): Promise<Record<string, string>> => {
  const texts: Record<string, string> = {}
  for (const title of ['Video', 'Map', 'Widget', 'Last']) texts[title] = await frameText(page, title)
  return texts
}
const LOADED = { Video: '/embed/video', Map: '/embed/map', Widget: '/embed/widget', Last: '/embed/last' }

async function expectAllActive(page: Page): Promise<void> {
  await expect.poll(() => frameTexts(page), { timeout: 5000 }).toEqual(LOADED)
  for (const embed of EMBEDS) {
    const [host, path] = embed.split(' ') as [string, string]
    expect(to(host)).toContain(path)
  }
  expect(to('px.test').sort()).toEqual(['/img/pixel.gif', '/img/set.gif'])
}

describe('a returning visitor', () => {
  it('gets every consented embed, image and template on the next page view', async () => {
    serve()
    const { page } = await suite.visit(on(HOST, '/first'))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    await page.getByRole('link', { name: 'Next' }).click()
    await page.waitForURL(/\/second$/)
    await expectAllActive(page)
  })

  it('gets them again after a real reload', async () => {
    serve()
    const { page } = await suite.visit(on(HOST, '/second'))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    await expectAllActive(page)
    suite.server.clear()
    await page.reload()
    await expectAllActive(page)
  })

  it('gets a gated embed that a script inserts later, as markup or as an element', async () => {
    serve()
    suite.server.page('/embed/late', '<!doctype html><p id="loaded">/embed/late</p>')
    suite.server.page('/embed/made', '<!doctype html><p id="loaded">/embed/made</p>')
    const { page } = await suite.visit(on(HOST, '/first'))
    await page.evaluate(() => (window as SdkWindow).consentry.acceptAll())
    await page.reload()
    await page.evaluate(
      // From a page task of its own, as a page's script would do it.
      ([late, made]) =>
        setTimeout(() => {
          document.body.insertAdjacentHTML(
            'beforeend',
            `<iframe data-consent="marketing" title="Late" data-src="${late}"></iframe>`,
          )
          const frame = document.createElement('iframe')
          frame.title = 'Made'
          frame.dataset.consent = 'marketing'
          frame.dataset.src = made!
          document.body.append(frame)
        }),
      [on('video.test', '/embed/late'), on('video.test', '/embed/made')],
    )
    await expect
      .poll(async () => [await frameText(page, 'Late'), await frameText(page, 'Made')], { timeout: 5000 })
      .toEqual(['/embed/late', '/embed/made'])
    expect(to('video.test').sort()).toEqual(['/embed/late', '/embed/made'])
  })

  it('loads nothing gated for a visitor who refused, on the next page view', async () => {
    serve()
    const { page } = await suite.visit(on(HOST, '/first'))
    await page.evaluate(() => (window as SdkWindow).consentry.rejectAll())
    await page.getByRole('link', { name: 'Next' }).click()
    // Navigation waits for the load event, which a frame, image or template activated while parsing would delay.
    await page.waitForURL(/\/second$/)
    for (const host of ['video.test', 'maps.test', 'widget.test', 'px.test']) expect(to(host)).toEqual([])
  })
})
