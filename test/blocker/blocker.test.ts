import { afterEach, describe, expect, it } from 'vitest'
import { createBlocker } from '../../src/blocker/blocker'
import type { Consent } from '../../src/types'
import { cleanUp, markup, settle, start } from '../jsdom'

afterEach(cleanUp)

const scripts = () => Array.from(document.querySelectorAll('script')).map((s) => `${s.type || 'js'} ${s.id}`)

describe('createBlocker: markup', () => {
  it('leaves gated scripts inert until their category is granted, then swaps in runnable copies', () => {
    markup(`
      <script type="text/plain" data-consent="analytics" id="a" src="https://tags.test/a.js"></script>
      <script type="text/plain" data-consent="marketing" id="m">window.m = 1</script>`)
    const consent = start()
    expect(scripts()).toEqual(['text/plain a', 'text/plain m'])
    consent.set({ analytics: true })
    expect(scripts()).toEqual(['js a', 'text/plain m'])
    const a = document.getElementById('a') as HTMLScriptElement
    expect(a.src).toBe('https://tags.test/a.js')
    expect(a.getAttribute('data-consent')).toBe('analytics')
  })

  it('activates gated markup already granted by the stored decision at start', () => {
    start().set({ marketing: true })
    cleanUpBlockerOnly()
    markup('<script type="text/plain" data-consent="marketing" id="m">window.m = 1</script>')
    start()
    expect(scripts()).toEqual(['js m'])
    expect(document.getElementById('m')!.textContent).toBe('window.m = 1')
  })

  it('needs every listed key for an element with several', () => {
    markup('<script type="text/plain" data-consent="analytics marketing" id="both">1</script>')
    const consent = start()
    consent.set({ analytics: true })
    expect(scripts()).toEqual(['text/plain both'])
    consent.set({ marketing: true })
    expect(scripts()).toEqual(['js both'])
  })

  it('gates on services as category.service keys', () => {
    markup(`
      <script type="text/plain" data-consent="analytics.hotjar" id="hj">1</script>
      <script type="text/plain" data-consent="analytics.matomo" id="mt">2</script>`)
    const consent = start({ categories: { analytics: { services: { hotjar: {}, matomo: {} } } } })
    consent.set({ 'analytics.hotjar': true })
    expect(scripts()).toEqual(['js hj', 'text/plain mt'])
  })

  it('carries attributes over and makes data-type="module" a module script', () => {
    markup(`<script type="text/plain" data-consent="analytics" data-type="module" id="x" async defer
      integrity="sha384-abc" crossorigin="anonymous" referrerpolicy="no-referrer" data-site="shop"
      src="https://tags.test/m.js"></script>`)
    start().set({ analytics: true })
    const s = document.getElementById('x') as HTMLScriptElement
    expect(s.type).toBe('module')
    expect(s.src).toBe('https://tags.test/m.js')
    for (const [name, value] of [
      ['async', ''],
      ['defer', ''],
      ['integrity', 'sha384-abc'],
      ['crossorigin', 'anonymous'],
      ['referrerpolicy', 'no-referrer'],
      ['data-site', 'shop'],
    ]) {
      expect(s.getAttribute(name!)).toBe(value)
    }
    expect(s.hasAttribute('data-type')).toBe(false)
  })

  it('takes the src of a gated script from data-src too', () => {
    markup('<script type="text/plain" data-consent="analytics" id="x" data-src="https://tags.test/d.js"></script>')
    start().set({ analytics: true })
    expect((document.getElementById('x') as HTMLScriptElement).src).toBe('https://tags.test/d.js')
  })

  it('gives activated scripts the configured nonce', () => {
    markup('<script type="text/plain" data-consent="analytics" id="x">1</script>')
    start({ nonce: 'n0nce' }).set({ analytics: true })
    expect((document.getElementById('x') as HTMLScriptElement).nonce).toBe('n0nce')
  })

  it('falls back to the nonce of any script on the page', () => {
    const own = document.createElement('script')
    own.setAttribute('nonce', 'page-nonce')
    document.head.append(own)
    markup('<script type="text/plain" data-consent="analytics" id="x">1</script>')
    start().set({ analytics: true })
    expect((document.getElementById('x') as HTMLScriptElement).nonce).toBe('page-nonce')
  })

  it('ignores a data-consent script that is not text/plain, since it already ran', () => {
    markup('<script data-consent="analytics" id="x">1</script>')
    const consent = start()
    const before = document.getElementById('x')
    consent.set({ analytics: true })
    expect(document.getElementById('x')).toBe(before)
  })

  it('moves data-src and data-srcset of images and iframes on grant', () => {
    markup(`
      <img data-consent="marketing" id="img" data-src="https://px.test/p.gif" data-srcset="https://px.test/p2.gif 2x" alt="">
      <iframe data-consent="marketing" id="f" data-src="https://video.test/embed/1"></iframe>`)
    const consent = start()
    const img = document.getElementById('img')!
    const frame = document.getElementById('f')!
    expect(img.hasAttribute('src') || img.hasAttribute('srcset') || frame.hasAttribute('src')).toBe(false)
    consent.set({ marketing: true })
    expect(img.getAttribute('src')).toBe('https://px.test/p.gif')
    expect(img.getAttribute('srcset')).toBe('https://px.test/p2.gif 2x')
    expect(frame.getAttribute('src')).toBe('https://video.test/embed/1')
    expect(img.hasAttribute('data-src') || frame.hasAttribute('data-src')).toBe(false)
  })

  it('stamps a granted template into place with its scripts gated by the same keys', () => {
    markup(
      `<div id="box"><template data-consent="marketing"><p id="widget">Widget</p><script id="ws">window.w = 1</script><script type="application/json" id="data">{}</script></template></div>`,
    )
    const consent = start()
    expect(document.getElementById('widget')).toBeNull()
    consent.set({ marketing: true })
    const box = document.getElementById('box')!
    expect(box.querySelector('template')).toBeNull()
    expect(document.getElementById('widget')!.textContent).toBe('Widget')
    expect(scripts()).toEqual(['js ws', 'application/json data'])
    expect(document.getElementById('ws')!.textContent).toBe('window.w = 1')
  })

  it('gates a template script by its own keys, and never turns a text/plain data block into code', () => {
    markup(`<template data-consent="marketing"><script type="text/plain" id="block">{"a": 1}</script><script data-consent="analytics" id="own">1</script></template>
      <script type="text/plain" data-consent="marketing" data-type="text/plain" id="gated-block">{"b": 2}</script>`)
    const consent = start()
    consent.set({ marketing: true })
    expect(scripts()).toEqual(['text/plain block', 'text/plain own', 'text/plain gated-block'])
    consent.set({ analytics: true })
    expect(scripts()).toEqual(['text/plain block', 'js own', 'text/plain gated-block'])
    expect([
      document.getElementById('block')!.textContent,
      document.getElementById('gated-block')!.textContent,
    ]).toEqual(['{"a": 1}', '{"b": 2}'])
  })

  it('hides !key fallback content while granted and shows it again on withdrawal', () => {
    markup('<p data-consent="!marketing" id="fb">Enable marketing to see the video.</p>')
    const consent = start()
    const fallback = document.getElementById('fb')!
    expect(fallback.hidden).toBe(false)
    consent.set({ marketing: true })
    expect(fallback.hidden).toBe(true)
    consent.set({ marketing: false })
    expect(fallback.hidden).toBe(false)
  })

  it('hides fallback content at start when its category is already granted', () => {
    start().set({ marketing: true })
    cleanUpBlockerOnly()
    markup('<p data-consent="!marketing" id="fb">Fallback</p>')
    start()
    expect(document.getElementById('fb')!.hidden).toBe(true)
  })

  it('leaves other gated elements alone', () => {
    markup('<div data-consent="personalization" id="d">Recommended for you</div>')
    const consent = start()
    consent.set({ personalization: true })
    expect(document.getElementById('d')!.hidden).toBe(false)
  })
})

describe('createBlocker: order', () => {
  it('holds later gated scripts behind a non-async external one until it loads', () => {
    markup(`
      <script type="text/plain" data-consent="analytics" id="slow" src="https://tags.test/slow.js"></script>
      <script type="text/plain" data-consent="analytics" id="after">1</script>
      <script type="text/plain" data-consent="analytics" id="async" async src="https://tags.test/async.js"></script>
      <script type="text/plain" data-consent="analytics" id="last">2</script>`)
    start().set({ analytics: true })
    expect(scripts()).toEqual(['js slow', 'text/plain after', 'text/plain async', 'text/plain last'])
    document.getElementById('slow')!.dispatchEvent(new Event('load'))
    expect(scripts()).toEqual(['js slow', 'js after', 'js async', 'js last'])
  })

  it('goes on after a gated script that fails to load', () => {
    markup(`
      <script type="text/plain" data-consent="analytics" id="missing" src="https://tags.test/404.js"></script>
      <script type="text/plain" data-consent="analytics" id="next">1</script>`)
    start().set({ analytics: true })
    expect(scripts()).toEqual(['js missing', 'text/plain next'])
    document.getElementById('missing')!.dispatchEvent(new Event('error'))
    expect(scripts()).toEqual(['js missing', 'js next'])
  })

  it('skips a queued script the page removed before its turn', () => {
    markup(`
      <script type="text/plain" data-consent="analytics" id="slow" src="https://tags.test/slow.js"></script>
      <script type="text/plain" data-consent="analytics" id="gone">1</script>
      <script type="text/plain" data-consent="analytics" id="kept">2</script>`)
    start().set({ analytics: true })
    document.getElementById('gone')!.remove()
    document.getElementById('slow')!.dispatchEvent(new Event('load'))
    expect(scripts()).toEqual(['js slow', 'js kept'])
  })
})

describe('createBlocker: later elements', () => {
  it('handles gated elements added after start, nested ones included', async () => {
    const consent = start()
    consent.set({ analytics: true })
    const view = document.createElement('section')
    view.innerHTML =
      '<div><script type="text/plain" data-consent="analytics" id="late">1</script></div><p data-consent="!analytics" id="fb">x</p>'
    document.body.append(view)
    await settle()
    expect(scripts()).toEqual(['js late'])
    expect(document.getElementById('fb')!.hidden).toBe(true)
  })

  it('keeps added elements blocked until consent', async () => {
    const consent = start()
    markup('<script type="text/plain" data-consent="marketing" id="late">1</script>')
    await settle()
    expect(scripts()).toEqual(['text/plain late'])
    consent.set({ marketing: true })
    expect(scripts()).toEqual(['js late'])
  })
})

describe('createBlocker: failing closed', () => {
  it('activates nothing when the consent lookup throws', () => {
    markup(`
      <script type="text/plain" data-consent="analytics" id="s">1</script>
      <iframe data-consent="analytics" id="f" data-src="https://video.test/1"></iframe>`)
    const consent = start()
    consent.set({ analytics: true })
    cleanUpBlockerOnly()
    markup('<script type="text/plain" data-consent="analytics" id="s2">1</script>')
    const broken = Object.create(consent) as Consent
    broken.has = () => {
      throw new Error('broken')
    }
    const stop = createBlocker(broken, { stored: () => undefined, sync() {}, blocked() {} })
    expect(scripts()).toEqual(['js s', 'text/plain s2'])
    stop()
  })
})

/** Destroys the started blockers but keeps the stored decision and the page. */
function cleanUpBlockerOnly(): void {
  const cookies = document.cookie
  const body = Array.from(document.body.childNodes)
  cleanUp()
  for (const pair of cookies.split('; ')) if (pair) document.cookie = pair + ';path=/'
  document.body.append(...body)
}
