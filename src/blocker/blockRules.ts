import type { Internals } from '../internals'
import type { Consent } from '../types'
import { createBlockedBy } from './blockedBy'
import { patchRealms, type Realm } from './childWindows'
import { interceptHtml } from './gateHtml'
import { createPatches } from './patches'
import { gateScript } from './stamp'

// The elements whose src or srcset a block rule holds back.
const TAGS = ['IMG', 'SCRIPT', 'IFRAME', 'SOURCE']

/**
 * The optional part that enforces `block` rules; start it before `createBlocker`, to which
 * it lends `gateFrame` and `release`. With no rules it patches nothing. Inside the
 * function: importing must not touch DOM globals (SSR).
 *
 * - `src` (script, iframe, img) and `srcset` (img, picture source) values that match are held
 *   back before the browser sees them, by wrapping those property setters and
 *   `Element.prototype.setAttribute`. An img requests as soon as the value is set
 *   (`new Image()` pixels), a script or iframe once inserted; either way nothing has left.
 *   Held values are set on the same element, in the order held, once consent arrives. If the
 *   rules throw, the setter throws and nothing is set.
 * - HTML strings (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, `createContextualFragment`):
 *   what the browser parses from them is held back the same way before anything loads
 *   (gateHtml.ts).
 * - `fetch`, `XMLHttpRequest` and `navigator.sendBeacon` to matching URLs fail the way a
 *   request stopped by the browser or an extension does, with nothing leaving the page:
 *   `fetch` rejects with `TypeError('Failed to fetch')`; an async XHR ends with `readyState`
 *   4, `status` 0, `readystatechange`, `error` and `loadend` (a sync one throws a
 *   `NetworkError`); `sendBeacon` returns false.
 *
 * The clean-up restores each patch that nobody has wrapped since; a wrapped one stays but
 * lets everything through.
 */
export function blockRules(consent: Consent, internals: Internals): (() => void) | undefined {
  const blockedBy = createBlockedBy(consent)
  if (!blockedBy) return
  const held = new Map<Element, Record<string, unknown>>()
  const { wrap, on, restore } = createPatches()
  const setAttribute = Element.prototype.setAttribute
  // Scripts of the page's HTML that came before the SDK have run: they are never gated.
  const ran = new Set(document.scripts)
  const stops = (url: unknown): boolean => {
    const keys = on() ? blockedBy(String(url)) : []
    if (keys.length) internals.blocked('request', String(url), keys)
    return keys.length > 0
  }

  /**
   * Holds back `value` as `el`'s attribute `name` when a rule blocks it (true), and drops a
   * held value the element is given a free one for. A picture's source is held by `srcset`
   * only: a video's or audio's does not reload when its `src` comes back. Each `srcset`
   * candidate is tested on its own, so an anchored `/^…/` rule sees every URL.
   */
  const keep = (el: Element, name: string, value: unknown): boolean => {
    // Lower-cased by hand: a case-insensitive regex would be the page's first, which costs 1–2 ms.
    const tag = el.tagName
    if (!on() || !TAGS.includes(tag)) return false
    const lower = String(name).toLowerCase()
    if (!(lower == 'srcset' || (lower == 'src' && tag != 'SOURCE'))) return false
    const urls =
      lower == 'srcset'
        ? String(value)
            .split(',')
            .map((candidate) => candidate.trim().split(' ')[0]!)
        : [String(value)]
    const keys = [...new Set(urls.flatMap((url) => blockedBy(url)))]
    const values = held.get(el)
    if (keys.length) {
      held.set(el, { ...values, [lower]: value })
      internals.blocked('element', String(value), keys)
    } else if (values) {
      delete values[lower]
      if (!Object.keys(values).length) held.delete(el)
    }
    if (lower == 'src' && tag == 'IFRAME') internals.placeholder?.(el, keys)
    return keys.length > 0
  }
  // Runs for every attribute set on any element: keep it cheap.
  function hold(this: Element, name: string, value: unknown): void {
    if (!keep(this, name, value)) setAttribute.call(this, name, value as string)
  }
  const opened = new WeakMap<XMLHttpRequest, IArguments>()
  // The page's window, and each same-origin iframe's before page code reaches it.
  const patch = (realm: Realm): void => {
    // Element's own setAttribute: `Element.prototype.setAttribute.call(img, …)` is held too.
    wrap(realm.Element.prototype, 'setAttribute', () => hold)
    for (const type of [
      realm.HTMLScriptElement,
      realm.HTMLIFrameElement,
      realm.HTMLImageElement,
      realm.HTMLSourceElement,
    ])
      for (const name of ['src', 'srcset'])
        wrap(
          type.prototype,
          name,
          () =>
            function (value) {
              hold.call(this, name, value)
            },
        )
    wrap(
      realm,
      'fetch',
      (fetch) =>
        function (input: unknown) {
          // A Request (of any realm) by its url; a URL object or string as a string.
          const url = (input as Request | null)?.url ?? input
          return stops(url)
            ? Promise.reject(new realm.TypeError('Failed to fetch'))
            : fetch.apply(this, arguments as never)
        },
    )
    wrap(
      realm.XMLHttpRequest.prototype,
      'open',
      (open) =>
        function () {
          opened.set(this, arguments)
          // A reused object forgets the readyState a blocked send gave it.
          delete this.readyState
          return open.apply(this, arguments as never)
        },
    )
    wrap(
      realm.XMLHttpRequest.prototype,
      'send',
      (send) =>
        function () {
          const [, url, async] = opened.get(this) || []
          if (url == null || !stops(url)) return send.apply(this, arguments as never)
          if (async === false) throw new realm.DOMException('Blocked', 'NetworkError')
          setTimeout(() => {
            Object.defineProperty(this, 'readyState', { value: 4, configurable: true })
            for (const type of ['readystatechange', 'error', 'loadend'])
              this.dispatchEvent(new realm.ProgressEvent(type))
          })
        },
    )
    wrap(
      realm.Navigator.prototype,
      'sendBeacon',
      (sendBeacon) =>
        function (url: unknown) {
          return !stops(url) && sendBeacon.apply(this, arguments as never)
        },
    )
  }
  interceptHtml(wrap, on, keep, blockedBy)
  patchRealms(wrap, patch)

  internals.gateFrame = (el) => {
    const tag = el.tagName
    const src =
      (tag == 'IFRAME' || (tag == 'SCRIPT' && on() && !ran.has(el as HTMLScriptElement))) && el.getAttribute('src')
    const keys = src ? blockedBy(src) : []
    if (!keys.length) return
    const value = keys.join(' ')
    // A script in the page's HTML: the observer sees it before the parser runs it, and a
    // text/plain one never runs. The blocker reports it, and runs it in order once granted.
    if (tag == 'SCRIPT') {
      gateScript(el as HTMLScriptElement, value)
      return value
    }
    internals.blocked('element', src as string, keys)
    el.setAttribute('data-consent', value)
    el.setAttribute('data-src', src as string)
    // Removing src would not stop the navigation the parser started, and a new one to
    // about:blank does not always cancel a cross-site one; detaching the frame does.
    el.setAttribute('src', 'about:blank')
    const { parentNode, nextSibling } = el
    el.remove()
    parentNode!.insertBefore(el, nextSibling)
    return value
  }
  internals.release = () =>
    held.forEach((values, el) => {
      if (!Object.values(values).some(stops))
        for (const name of ['srcset', 'src'])
          try {
            if (name in values) hold.call(el, name, values[name])
          } catch {
            // A plain string src under Trusted Types: the browser refuses it, as it would have.
          }
    })
  return restore
}
