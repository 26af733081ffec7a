import { afterEach, describe, expect, it } from 'vitest'
import type { ConsentConfig } from '../../src/types'
import { cleanUp, markup, nextFrame, recordNetwork, sent, settle, start } from '../jsdom'

afterEach(cleanUp)

const RULES: ConsentConfig = {
  categories: {
    analytics: { block: ['collect.test', '/\\/g\\/collect/'] },
    marketing: { block: ['px.test'], services: { video: { block: ['video.test'] } } },
  },
}

const srcOf = (el: Element) => el.getAttribute('src')
const own = (target: object, name: string) => Object.getOwnPropertyDescriptor(target, name)

/** Every element setter and HTML method the block rules patch, as the page has them. */
const patchable = () => ({
  setAttribute: Element.prototype.setAttribute,
  src: [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement, HTMLSourceElement].map((t) => own(t.prototype, 'src')),
  srcset: [HTMLImageElement, HTMLSourceElement].map((t) => own(t.prototype, 'srcset')),
  innerHTML: own(Element.prototype, 'innerHTML'),
  outerHTML: own(Element.prototype, 'outerHTML'),
  shadowInnerHTML: own(ShadowRoot.prototype, 'innerHTML'),
  insertAdjacentHTML: Element.prototype.insertAdjacentHTML,
  createContextualFragment: Range.prototype.createContextualFragment,
})

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
    start({
      categories: {
        analytics: { block: ['/^http:\\/\\/localhost:3000\\/(t|x\\/t)\\.js/', '/^http:\\/\\/cdn\\.test\\//'] },
      },
    })
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
    expect(host.shadowRoot!.textContent).toContain('video (Marketing)')
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
    const setAttribute = Element.prototype.setAttribute
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')
    start()
    expect(Element.prototype.setAttribute).toBe(setAttribute)
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).toEqual(innerHTML)
    expect(window.fetch).toBe(fetch)
  })

  it('holds a value set through Element.prototype.setAttribute itself, and leaves other attributes alone', () => {
    const consent = start(RULES)
    const img = document.createElement('img')
    const div = document.createElement('div')
    Element.prototype.setAttribute.call(img, 'src', 'https://px.test/tr.gif')
    Element.prototype.setAttribute.call(img, 'alt', 'pixel')
    div.setAttribute('src', 'https://px.test/not-a-request')
    expect([srcOf(img), img.alt, srcOf(div)]).toEqual([null, 'pixel', 'https://px.test/not-a-request'])
    consent.set({ marketing: true })
    expect(srcOf(img)).toBe('https://px.test/tr.gif')
  })

  it("holds the srcset of a <source>, which picks the picture's image", () => {
    const consent = start(RULES)
    const source = document.createElement('source')
    source.srcset = 'https://px.test/wide.webp 2x'
    source.setAttribute('srcset', 'https://px.test/wider.webp 3x')
    expect(source.hasAttribute('srcset')).toBe(false)
    consent.set({ marketing: true })
    expect(source.getAttribute('srcset')).toBe('https://px.test/wider.webp 3x')
  })

  it('restores every patched setter and method on destroy', () => {
    recordNetwork()
    const before = {
      ...patchable(),
      fetch: window.fetch,
      open: XMLHttpRequest.prototype.open,
      send: XMLHttpRequest.prototype.send,
      beacon: navigator.sendBeacon,
    }
    const consent = start(RULES)
    expect(Element.prototype.setAttribute).not.toBe(before.setAttribute)
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).not.toEqual(before.innerHTML)
    consent.destroy()
    expect({
      ...patchable(),
      fetch: window.fetch,
      open: XMLHttpRequest.prototype.open,
      send: XMLHttpRequest.prototype.send,
      beacon: navigator.sendBeacon,
    }).toEqual(before)
    const img = new Image()
    img.src = 'https://px.test/after.gif'
    expect(srcOf(img)).toBe('https://px.test/after.gif')
  })
})

describe('createBlocker: HTML strings from other code', () => {
  const PIXEL = '<img alt="" src="https://px.test/tr.gif?ev=custom-html">'
  const srcsOf = (root: ParentNode) =>
    Array.from(root.querySelectorAll('img,iframe,source'), (el) => [el.getAttribute('src'), el.getAttribute('srcset')])

  it('holds a blocked img given as innerHTML, even to a detached element, and sets it on consent', async () => {
    const consent = start(RULES)
    const box = document.createElement('div')
    box.innerHTML = `<p>Thanks</p>${PIXEL}<img alt="logo" src="https://cdn.test/logo.png">`
    expect(srcsOf(box)).toEqual([
      [null, null],
      ['https://cdn.test/logo.png', null],
    ])
    document.body.append(box)
    await settle()
    consent.set({ marketing: true })
    expect(srcsOf(box)[0]).toEqual(['https://px.test/tr.gif?ev=custom-html', null])
  })

  it("holds what insertAdjacentHTML, outerHTML and a shadow root's innerHTML make, in place, until consent", () => {
    const consent = start(RULES)
    const anchor = document.body.appendChild(document.createElement('p'))
    for (const where of ['beforebegin', 'afterbegin', 'beforeend', 'afterend'] as const)
      anchor.insertAdjacentHTML(where, `<img class="${where}" src="https://px.test/${where}.gif">`)
    const old = document.body.appendChild(document.createElement('span'))
    old.outerHTML = '<img class="outer" srcset="https://cdn.test/a.png 1x, https://px.test/o.gif 2x">'
    const root = document.body.appendChild(document.createElement('video-card')).attachShadow({ mode: 'open' })
    root.innerHTML = '<iframe src="https://video.test/embed/1"></iframe>'
    expect(Array.from(document.body.querySelectorAll('img'), (img) => img.className)).toEqual([
      'beforebegin',
      'afterbegin',
      'beforeend',
      'afterend',
      'outer',
    ])
    expect([...srcsOf(document.body), ...srcsOf(root)].flat().every((v) => v === null)).toBe(true)
    consent.set({ marketing: true })
    expect(document.querySelector('.afterend')!.getAttribute('src')).toBe('https://px.test/afterend.gif')
    expect(document.querySelector('.outer')!.getAttribute('srcset')).toBe(
      'https://cdn.test/a.png 1x, https://px.test/o.gif 2x',
    )
    expect(srcOf(root.querySelector('iframe')!)).toBe('https://video.test/embed/1')
  })

  it('parses where the page would have: tables, svg and raw text come out as without the SDK', () => {
    const html = {
      tbody: '<tr><td><img src="https://px.test/t.gif"></td></tr>',
      svg: '<circle r="5"/><foreignObject><img src="https://px.test/s.gif"></foreignObject><rect/>',
      script: 'if (a && b < c) x.innerHTML = "<img src=\'https://px.test/x.gif\'>"',
      textarea: '<img src="https://px.test/y.gif"> & more',
    }
    const made = () =>
      Object.entries(html).map(([tag, value]) => {
        const table = document.createElement('table')
        const context =
          tag == 'tbody'
            ? table.appendChild(document.createElement('tbody'))
            : tag == 'svg'
              ? document.createElementNS('http://www.w3.org/2000/svg', 'svg')
              : document.createElement(tag)
        context.innerHTML = value
        return context.innerHTML.replace(/ src="[^"]*"/g, '')
      })
    const native = made()
    start(RULES)
    expect(made()).toEqual(native)
  })

  it('tests each srcset candidate on its own, so an anchored rule sees every url', () => {
    start({ categories: { marketing: { block: ['/^https:\\/\\/tp\\.test\\//'] } } })
    const box = document.createElement('div')
    box.innerHTML = '<img srcset="/own/a.png 1x, https://tp.test/b.png 2x">'
    const img = new Image()
    img.srcset = '/own/a.png 1x,https://tp.test/c.png 2x'
    expect([box.querySelector('img')!.getAttribute('srcset'), img.getAttribute('srcset')]).toEqual([null, null])
  })

  it("holds a picture's source by srcset, and leaves a video's source src alone: it would not reload", () => {
    start(RULES)
    const box = document.createElement('div')
    box.innerHTML =
      '<picture><source srcset="https://px.test/wide.webp"><img src="https://cdn.test/a.png"></picture><video><source src="https://px.test/v.webm"></video>'
    expect(srcsOf(box)).toEqual([
      [null, null],
      ['https://cdn.test/a.png', null],
      ['https://px.test/v.webm', null],
    ])
  })

  it('turns a blocked script of a contextual fragment, which would run, into a gated one that keeps its type', () => {
    start(RULES)
    const fragment = document
      .createRange()
      .createContextualFragment(
        '<script type="module" src="https://px.test/m.js"></script><script src="https://cdn.test/ok.js"></script><script type="text/plain" data-consent="analytics" src="https://px.test/g.js"></script>',
      )
    const [blocked, free, gated] = Array.from(fragment.querySelectorAll('script'))
    expect([
      blocked!.type,
      blocked!.getAttribute('data-type'),
      blocked!.getAttribute('data-consent'),
      srcOf(blocked!),
      blocked!.nonce,
    ]).toEqual(['text/plain', 'module', 'marketing', 'https://px.test/m.js', '-'])
    expect([free!.type, free!.hasAttribute('data-consent')]).toEqual(['', false])
    // The site's own gated script stays as written: the queue holds its src when it runs.
    expect([gated!.type, gated!.getAttribute('data-consent')]).toEqual(['text/plain', 'analytics'])
  })

  it("leaves scripts given as innerHTML alone, and a template's inert content", () => {
    start(RULES)
    const box = document.createElement('div')
    box.innerHTML = '<script src="https://px.test/inert.js"></script>'
    const template = document.createElement('template')
    template.innerHTML = PIXEL
    expect([box.innerHTML, template.innerHTML]).toEqual(['<script src="https://px.test/inert.js"></script>', PIXEL])
  })

  it('lets every HTML string through after destroy', () => {
    start(RULES).destroy()
    const box = document.createElement('div')
    box.innerHTML = PIXEL
    expect(srcOf(box.querySelector('img')!)).toBe('https://px.test/tr.gif?ev=custom-html')
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
