import { afterEach, describe, expect, it } from 'vitest'
import type { ConsentConfig } from '../../src/types'
import { cleanUp, markup, nextFrame, recordNetwork, sent, settle, start } from './start'

afterEach(cleanUp)

const RULES: ConsentConfig = {
  categories: {
    analytics: { block: ['collect.test', '/\\/g\\/collect/'] },
    marketing: { block: ['px.test'], services: { video: { block: ['video.test'] } } },
  },
}

const srcOf = (el: Element) => el.getAttribute('src')

describe('createBlocker: elements created by other code', () => {
  it('holds a blocked script src set as a property until consent, on the same element', () => {
    const consent = start(RULES)
    const script = document.createElement('script')
    script.src = 'https://px.test/fbevents.js'
    document.head.append(script)
    expect(srcOf(script)).toBeNull()
    consent.set({ marketing: true })
    expect(srcOf(script)).toBe('https://px.test/fbevents.js')
  })

  it('holds blocked values set with setAttribute, in any letter case', () => {
    const consent = start(RULES)
    const script = document.createElement('script')
    script.setAttribute('SRC', 'https://collect.test/tag.js')
    expect(srcOf(script)).toBeNull()
    consent.set({ analytics: true })
    expect(srcOf(script)).toBe('https://collect.test/tag.js')
  })

  it('holds a new Image() pixel, src and srcset, and fires it after consent', () => {
    const consent = start(RULES)
    const pixel = new Image()
    pixel.srcset = 'https://px.test/tr.gif?ev=PageView 1x'
    pixel.src = 'https://px.test/tr.gif?ev=PageView'
    expect(pixel.hasAttribute('src') || pixel.hasAttribute('srcset')).toBe(false)
    consent.set({ marketing: true })
    expect(srcOf(pixel)).toBe('https://px.test/tr.gif?ev=PageView')
    expect(pixel.getAttribute('srcset')).toBe('https://px.test/tr.gif?ev=PageView 1x')
  })

  it('releases held elements in the order they were held', () => {
    const consent = start(RULES)
    const order: string[] = []
    const made = ['one', 'two', 'three'].map((name) => {
      const img = document.createElement('img')
      new MutationObserver(() => order.push(name)).observe(img, { attributes: true })
      img.src = `https://px.test/${name}.gif`
      return img
    })
    consent.set({ marketing: true })
    return settle().then(() => {
      expect(made.map(srcOf)).toEqual(['one', 'two', 'three'].map((n) => `https://px.test/${n}.gif`))
      expect(order).toEqual(['one', 'two', 'three'])
    })
  })

  it('lets values through that match no rule or a granted one', () => {
    const consent = start(RULES)
    consent.set({ analytics: true })
    const img = document.createElement('img')
    img.src = 'https://cdn.test/logo.png'
    const tag = document.createElement('script')
    tag.src = 'https://collect.test/tag.js'
    expect([srcOf(img), srcOf(tag)]).toEqual(['https://cdn.test/logo.png', 'https://collect.test/tag.js'])
  })

  it('matches regex rules against relative urls resolved against the page', () => {
    start(RULES)
    const img = document.createElement('img')
    img.src = '/g/collect?v=2'
    expect(srcOf(img)).toBeNull()
  })

  it('resolves root-relative, protocol-relative and path-relative urls before matching', () => {
    start({ categories: { analytics: { block: ['/^http:\\/\\/localhost:3000\\/(t|x\\/t)\\.js/', '/^http:\\/\\/cdn\\.test\\//'] } } })
    const srcs = ['/t.js', 't.js', 'x/t.js', '//cdn.test/a.js', '/other.js'].map((src) => {
      const script = document.createElement('script')
      script.src = src
      return srcOf(script)
    })
    expect(srcs).toEqual([null, null, null, null, '/other.js'])
  })

  it('drops a held value when the element is given an allowed one', () => {
    const consent = start(RULES)
    const img = document.createElement('img')
    img.src = 'https://px.test/a.gif'
    img.src = 'https://cdn.test/b.png'
    expect(srcOf(img)).toBe('https://cdn.test/b.png')
    consent.set({ marketing: true })
    expect(srcOf(img)).toBe('https://cdn.test/b.png')
  })

  it('needs a service granted for its own rule', () => {
    const consent = start(RULES)
    const frame = document.createElement('iframe')
    frame.src = 'https://video.test/embed/1'
    expect(srcOf(frame)).toBeNull()
    consent.set({ 'marketing.video': true })
    expect(srcOf(frame)).toBe('https://video.test/embed/1')
  })

  it('shows a placeholder in place of a held iframe and removes it on release', async () => {
    const consent = start(RULES)
    const frame = document.createElement('iframe')
    frame.src = 'https://video.test/embed/1'
    document.body.append(frame)
    await nextFrame()
    const host = document.querySelector('consentry-placeholder')!
    expect(host.nextElementSibling).toBe(frame)
    expect(frame.hidden).toBe(true)
    expect(host.shadowRoot!.textContent).toContain('video (marketing)')
    consent.set({ marketing: true })
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    expect(frame.hidden).toBe(false)
  })

  it('gives held scripts and images no placeholder', async () => {
    start(RULES)
    const script = document.createElement('script')
    script.src = 'https://px.test/a.js'
    const img = new Image()
    img.src = 'https://px.test/a.gif'
    document.body.append(script, img)
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')).toBeNull()
  })

  it('turns an iframe parsed from markup with a blocked src into gated markup', async () => {
    const consent = start(RULES)
    markup('<iframe id="f" src="https://video.test/embed/2"></iframe>')
    await settle()
    const frame = document.getElementById('f')!
    expect(srcOf(frame)).toBe('about:blank')
    expect(frame.getAttribute('data-consent')).toBe('marketing.video')
    consent.set({ 'marketing.video': true })
    expect(srcOf(frame)).toBe('https://video.test/embed/2')
  })

  it('patches nothing when no block rules are configured', () => {
    const fetch = window.fetch
    start()
    expect(Object.hasOwn(HTMLImageElement.prototype, 'setAttribute')).toBe(false)
    expect(window.fetch).toBe(fetch)
  })

  it('leaves setAttribute of other elements native', () => {
    const setAttribute = Element.prototype.setAttribute
    start(RULES)
    expect(Element.prototype.setAttribute).toBe(setAttribute)
    expect(document.createElement('div').setAttribute).toBe(setAttribute)
    expect(document.createElement('img').setAttribute).not.toBe(setAttribute)
  })

  it('restores every patched setter and method on destroy', () => {
    recordNetwork()
    const before = {
      setAttribute: [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement].map((t) => t.prototype.setAttribute),
      fetch: window.fetch,
      open: XMLHttpRequest.prototype.open,
      send: XMLHttpRequest.prototype.send,
      beacon: navigator.sendBeacon,
      src: Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src'),
      srcset: Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'srcset'),
      script: Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src'),
      frame: Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src'),
    }
    const consent = start(RULES)
    expect(HTMLImageElement.prototype.setAttribute).not.toBe(before.setAttribute[2])
    consent.destroy()
    expect({
      setAttribute: [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement].map((t) => t.prototype.setAttribute),
      fetch: window.fetch,
      open: XMLHttpRequest.prototype.open,
      send: XMLHttpRequest.prototype.send,
      beacon: navigator.sendBeacon,
      src: Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src'),
      srcset: Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'srcset'),
      script: Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src'),
      frame: Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src'),
    }).toEqual(before)
    expect(Object.hasOwn(HTMLImageElement.prototype, 'setAttribute')).toBe(false)
    const img = new Image()
    img.src = 'https://px.test/after.gif'
    expect(srcOf(img)).toBe('https://px.test/after.gif')
  })
})

describe('createBlocker: requests', () => {
  it('rejects a blocked fetch as a network error and lets it through after consent', async () => {
    recordNetwork()
    const consent = start(RULES)
    await expect(fetch('https://collect.test/g/collect?v=2')).rejects.toThrow(new TypeError('Failed to fetch'))
    await expect(fetch(new Request('https://collect.test/r'))).rejects.toThrow(TypeError)
    await expect(fetch(new URL('https://collect.test/u'))).rejects.toThrow(TypeError)
    expect(sent).toEqual([])
    await fetch('https://cdn.test/data.json')
    consent.set({ analytics: true })
    await fetch('https://collect.test/g/collect?v=2')
    expect(sent).toEqual(['fetch https://cdn.test/data.json', 'fetch https://collect.test/g/collect?v=2'])
  })

  it('ends a blocked async XMLHttpRequest like a network error', async () => {
    recordNetwork()
    start(RULES)
    const xhr = new XMLHttpRequest()
    const events: string[] = []
    for (const type of ['readystatechange', 'error', 'load', 'loadend']) {
      xhr.addEventListener(type, () => events.push(`${type} ${xhr.readyState} ${xhr.status}`))
    }
    xhr.open('POST', 'https://collect.test/j/collect')
    xhr.send('payload')
    await settle()
    expect(events).toEqual(['readystatechange 4 0', 'error 4 0', 'loadend 4 0'])
    expect(sent).toEqual([])
  })

  it('throws a NetworkError for a blocked synchronous XMLHttpRequest', () => {
    recordNetwork()
    start(RULES)
    const xhr = new XMLHttpRequest()
    xhr.open('GET', 'https://px.test/sync', false)
    expect(() => xhr.send()).toThrow(expect.objectContaining({ name: 'NetworkError' }))
  })

  it('sends an XMLHttpRequest once consent is given, even on a reused object', () => {
    recordNetwork()
    const consent = start(RULES)
    const xhr = new XMLHttpRequest()
    xhr.open('GET', 'https://px.test/a')
    xhr.send()
    consent.set({ marketing: true })
    xhr.open('GET', 'https://px.test/b')
    xhr.send()
    expect(sent).toEqual(['xhr https://px.test/b'])
  })

  it('makes a blocked sendBeacon return false without sending', () => {
    recordNetwork()
    const consent = start(RULES)
    expect(navigator.sendBeacon('https://px.test/tr?ev=Lead', 'x')).toBe(false)
    consent.set({ marketing: true })
    expect(navigator.sendBeacon('https://px.test/tr?ev=Lead', 'x')).toBe(true)
    expect(sent).toEqual(['beacon https://px.test/tr?ev=Lead'])
  })

  it('leaves a wrapper installed after its own in place but lets everything through after destroy', async () => {
    recordNetwork()
    const consent = start(RULES)
    const ours = window.fetch
    const theirs = (window.fetch = ((input: RequestInfo | URL) => ours(input)) as typeof fetch)
    consent.destroy()
    expect(window.fetch).toBe(theirs)
    await fetch('https://collect.test/after')
    expect(sent).toEqual(['fetch https://collect.test/after'])
  })
})
