import { afterEach, describe, expect, it } from 'vitest'
import type { ConsentConfig } from '../../src/types'
import { createBlockedBy } from '../../src/blocker/blockedBy'
import { createHtmlGate } from '../../src/blocker/gateHtml'
import { cleanUp, markup, nextFrame, recordNetwork, sent, settle, start } from './start'

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
  write: [Document.prototype.write, Document.prototype.writeln],
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

  it('holds the src and srcset of a <source>, which picks the picture\'s image', () => {
    const consent = start(RULES)
    const source = document.createElement('source')
    source.srcset = 'https://px.test/wide.webp 2x'
    source.setAttribute('src', 'https://px.test/clip.mp4')
    expect(source.hasAttribute('srcset') || source.hasAttribute('src')).toBe(false)
    consent.set({ marketing: true })
    expect([source.getAttribute('srcset'), srcOf(source)]).toEqual(['https://px.test/wide.webp 2x', 'https://px.test/clip.mp4'])
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

  it('gates a blocked img given as innerHTML, even to a detached element, and loads it on consent', async () => {
    const consent = start(RULES)
    const box = document.createElement('div')
    box.innerHTML = `<p>Thanks</p>${PIXEL}<img alt="logo" src="https://cdn.test/logo.png">`
    const [pixel, logo] = Array.from(box.querySelectorAll('img'))
    expect([srcOf(pixel!), pixel!.getAttribute('data-src'), pixel!.getAttribute('data-consent')]).toEqual([null, 'https://px.test/tr.gif?ev=custom-html', 'marketing'])
    expect(srcOf(logo!)).toBe('https://cdn.test/logo.png')
    document.body.append(box)
    await settle()
    consent.set({ marketing: true })
    expect(srcOf(pixel!)).toBe('https://px.test/tr.gif?ev=custom-html')
  })

  it('gates insertAdjacentHTML, outerHTML and a shadow root\'s innerHTML the same way', () => {
    start(RULES)
    document.body.insertAdjacentHTML('beforeend', '<img id="adjacent" src="https://px.test/a.gif">')
    const old = document.body.appendChild(document.createElement('span'))
    old.outerHTML = '<img id="outer" srcset="https://px.test/o.gif 1x">'
    const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' })
    root.innerHTML = '<iframe src="https://video.test/embed/1"></iframe>'
    const adjacent = document.getElementById('adjacent')!
    const outer = document.getElementById('outer')!
    const frame = root.querySelector('iframe')!
    expect([srcOf(adjacent), srcOf(outer), outer.getAttribute('srcset'), srcOf(frame)]).toEqual([null, null, null, null])
    expect([outer.getAttribute('data-srcset'), frame.getAttribute('data-src'), frame.getAttribute('data-consent')]).toEqual([
      'https://px.test/o.gif 1x',
      'https://video.test/embed/1',
      'marketing.video',
    ])
  })

  it('activates what it gated inside a shadow root once consent arrives, which the page observer cannot see', async () => {
    const consent = start(RULES)
    const root = document.body.appendChild(document.createElement('video-card')).attachShadow({ mode: 'open' })
    root.innerHTML = '<div><img alt="" src="https://px.test/in-shadow.gif"></div>'
    const inner = root.appendChild(document.createElement('p'))
    inner.innerHTML = '<img id="deeper" src="https://px.test/deeper.gif">'
    await settle()
    const [img, deeper] = Array.from(root.querySelectorAll('img'))
    expect([srcOf(img!), srcOf(deeper!)]).toEqual([null, null])
    consent.set({ marketing: true })
    expect([srcOf(img!), srcOf(deeper!)]).toEqual(['https://px.test/in-shadow.gif', 'https://px.test/deeper.gif'])
  })

  it('turns a blocked script of a contextual fragment, which would run, into a gated one that keeps its type', () => {
    start(RULES)
    const fragment = document.createRange().createContextualFragment(
      '<script type="module" src="https://px.test/m.js"></script><script src="https://cdn.test/ok.js"></script><script type="text/plain" data-consent="analytics" src="https://px.test/g.js"></script>',
    )
    const [blocked, free, gated] = Array.from(fragment.querySelectorAll('script'))
    expect([blocked!.type, blocked!.getAttribute('data-type'), blocked!.getAttribute('data-consent'), srcOf(blocked!)]).toEqual([
      'text/plain',
      'module',
      'marketing',
      'https://px.test/m.js',
    ])
    expect([free!.type, free!.hasAttribute('data-consent')]).toEqual(['', false])
    // The site's own gated script stays as written: the queue holds its src when it runs.
    expect([gated!.type, gated!.getAttribute('data-consent')]).toEqual(['text/plain', 'analytics'])
  })

  it('leaves scripts given as innerHTML alone: the browser never runs nor fetches them', () => {
    start(RULES)
    const box = document.createElement('div')
    box.innerHTML = '<script src="https://px.test/inert.js"></script>'
    expect(box.querySelector('script')!.outerHTML).toBe('<script src="https://px.test/inert.js"></script>')
  })

  it('leaves the text of a script, style or textarea as it is, markup-like or not', () => {
    start(RULES)
    const code = 'if (a && b < c) document.body.innerHTML = "<img src=\'https://px.test/x.gif\'>"'
    const script = document.createElement('script')
    script.innerHTML = code
    const textarea = document.createElement('textarea')
    textarea.innerHTML = '<img src="https://px.test/y.gif"> & more'
    expect([script.text, textarea.value]).toEqual([code, '<img src="https://px.test/y.gif"> & more'])
  })

  it('adds the keys a rule needs to what a gated element already asks for', () => {
    start(RULES)
    const box = document.createElement('div')
    box.innerHTML = '<img data-consent="analytics" src="https://px.test/both.gif">'
    expect(box.querySelector('img')!.getAttribute('data-consent')).toBe('analytics marketing')
  })

  it('passes HTML with nothing to gate on as it came', () => {
    // A store without the patches: the gate parses with the page's own innerHTML.
    const gate = createHtmlGate(createBlockedBy(start(RULES, []))!)
    const plain = { toString: () => '<img src="https://cdn.test/a.png">' }
    const box = document.createElement('div')
    expect(gate(plain, false, box)).toBe(plain)
    expect(gate('<p>no source here</p>', false, box)).toBe('<p>no source here</p>')
    expect(gate('<IMG SRC="https://px.test/x.gif">', false, box)).toBe('<img data-consent="marketing" data-src="https://px.test/x.gif">')
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
