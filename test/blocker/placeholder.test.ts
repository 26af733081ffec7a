import { within } from '@testing-library/dom'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, markup, nextFrame, start } from '../jsdom'

afterEach(cleanUp)

const placeholder = () => {
  const host = document.querySelector('consentry-placeholder')
  return host && within(host.shadowRoot as unknown as HTMLElement)
}

describe('createBlocker: contextual consent', async () => {
  it('puts an accessible placeholder naming the category in place of a blocked iframe', async () => {
    markup(
      '<iframe data-consent="marketing" id="yt" class="video" width="560" height="315" data-src="https://video.test/embed/x"></iframe>',
    )
    start()
    await nextFrame()
    const frame = document.getElementById('yt')!
    const host = document.querySelector('consentry-placeholder')!
    expect(host.nextElementSibling).toBe(frame)
    expect(host.className).toBe('video')
    expect(host.shadowRoot!.mode).toBe('open')
    expect(frame.hidden).toBe(true)
    const group = placeholder()!.getByRole('group', { name: 'This content is blocked until you allow Marketing.' })
    expect(within(group).getByRole('button', { name: 'Allow Marketing' }).tagName).toBe('BUTTON')
  })

  it('speaks the language of a file added by script tag, unless the site translated it', async () => {
    const host = window as unknown as { consentryTranslations?: object }
    host.consentryTranslations = {
      de: {
        placeholder: { text: 'Braucht {category}.', button: '{category} erlauben' },
        categories: { marketing: { title: 'Werbung' } },
      },
    }
    try {
      markup('<iframe data-consent="marketing" data-src="https://video.test/embed/x"></iframe>')
      start({ language: 'de', translations: { de: { categories: { marketing: { title: 'Marketing-Cookies' } } } } })
      await nextFrame()
      const group = placeholder()!.getByRole('group', { name: 'Braucht Marketing-Cookies.' })
      expect(within(group).getByRole('button', { name: 'Marketing-Cookies erlauben' })).toBeTruthy()
    } finally {
      delete host.consentryTranslations
    }
  })

  it('grants the category from the placeholder button and loads the iframe in place', async () => {
    markup('<iframe data-consent="marketing" id="yt" data-src="https://video.test/embed/x"></iframe>')
    const consent = start()
    await nextFrame()
    placeholder()!.getByRole('button', { name: 'Allow Marketing' }).click()
    expect(consent.has('marketing')).toBe(true)
    expect(consent.record()!.method).toBe('custom')
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    const frame = document.getElementById('yt')!
    expect(frame.hidden).toBe(false)
    expect(frame.getAttribute('src')).toBe('https://video.test/embed/x')
  })

  it('names the service and its category and grants just that service', async () => {
    markup('<iframe data-consent="marketing.youtube" data-src="https://video.test/embed/x"></iframe>')
    const consent = start({
      categories: { marketing: { title: 'Marketing', services: { youtube: { title: 'YouTube' }, ads: {} } } },
    })
    await nextFrame()
    placeholder()!.getByRole('button', { name: 'Allow YouTube (Marketing)' }).click()
    expect(consent.get()).toMatchObject({ marketing: true, 'marketing.youtube': true, 'marketing.ads': false })
  })

  it('names only the keys still missing and grants them all', async () => {
    markup('<iframe data-consent="analytics marketing" data-src="https://video.test/embed/x"></iframe>')
    const consent = start()
    await nextFrame()
    consent.set({ analytics: true })
    consent.set({ analytics: false })
    const button = placeholder()!.getByRole('button', { name: 'Allow Analytics, Marketing' })
    button.click()
    expect(consent.get()).toMatchObject({ analytics: true, marketing: true })
  })

  it('takes its texts and category titles from the translations of the current language', async () => {
    markup('<iframe data-consent="marketing" data-src="https://video.test/embed/x"></iframe>')
    start({
      language: 'de',
      translations: {
        de: {
          placeholder: { text: 'Für diesen Inhalt braucht es {category}.', button: '{category} erlauben' },
          categories: { marketing: { title: 'Marketing-Cookies' } },
        },
      },
    })
    await nextFrame()
    placeholder()!.getByRole('group', { name: 'Für diesen Inhalt braucht es Marketing-Cookies.' })
    placeholder()!.getByRole('button', { name: 'Marketing-Cookies erlauben' })
  })

  it('treats translated texts as text, never as markup', async () => {
    markup('<iframe data-consent="marketing" data-src="https://video.test/embed/x"></iframe>')
    start({
      translations: { en: { placeholder: { text: '<img src=x onerror=alert(1)> {category}', button: 'Allow' } } },
    })
    await nextFrame()
    const root = document.querySelector('consentry-placeholder')!.shadowRoot!
    expect(root.querySelector('img')).toBeNull()
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> Marketing')
  })

  it('removes placeholders whose iframe left the page', async () => {
    markup('<div id="view"><iframe data-consent="marketing" data-src="https://video.test/embed/x"></iframe></div>')
    start()
    await nextFrame()
    document.getElementById('view')!.querySelector('iframe')!.remove()
    await new Promise((done) => setTimeout(done))
    expect(document.querySelector('consentry-placeholder')).toBeNull()
  })

  it('draws no placeholder for an iframe granted before the next frame', async () => {
    markup('<iframe data-consent="marketing" id="f" data-src="https://video.test/embed/x"></iframe>')
    start().set({ marketing: true })
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    expect(document.getElementById('f')!.hidden).toBe(false)
  })

  it('removes its placeholders on destroy', async () => {
    markup('<iframe data-consent="marketing" id="f" data-src="https://video.test/embed/x"></iframe>')
    start().destroy()
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    expect(document.getElementById('f')!.hidden).toBe(false)
    expect(document.getElementById('f')!.hasAttribute('src')).toBe(false)
  })
})
