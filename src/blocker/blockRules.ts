import type { Consent } from '../types'
import type { BlockerHooks } from './blocker'
import { createBlockedBy } from './blockedBy'
import { interceptHtml } from './gateHtml'
import type { Method } from './gateHtml'

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
export function blockRules(consent: Consent, hooks: BlockerHooks): (() => void) | undefined {
  const blockedBy = createBlockedBy(consent)
  if (!blockedBy) return
  const held = new Map<Element, Record<string, unknown>>()
  const undo: (() => unknown)[] = []
  const setAttribute = Element.prototype.setAttribute
  let on = true
  const stops = (url: unknown): boolean => on && blockedBy(String(url)).length > 0
  // A method or setter of `target`, replaced by `make(original)`: each wrapper forwards what the
  // caller passed. Missing in some browsers (sendBeacon in jsdom): then there is nothing to patch.
  const wrap = (target: object, name: string, make: (original: Method) => Method): void => {
    const own = Object.getOwnPropertyDescriptor(target, name)
    if (!own) return
    const key = own.set ? 'set' : 'value'
    const mine = make(own[key])
    Object.defineProperty(target, name, { ...own, [key]: mine })
    undo.push(() => {
      if (Object.getOwnPropertyDescriptor(target, name)?.[key] == mine) Object.defineProperty(target, name, own)
    })
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
    if (!on || !TAGS.includes(tag)) return false
    const lower = String(name).toLowerCase()
    if (!(lower == 'srcset' || (lower == 'src' && tag != 'SOURCE'))) return false
    const urls = lower == 'srcset' ? String(value).split(',').map((candidate) => candidate.trim().split(' ')[0]!) : [String(value)]
    const keys = [...new Set(urls.flatMap((url) => blockedBy(url)))]
    const values = held.get(el)
    if (keys.length) held.set(el, { ...values, [lower]: value })
    else if (values) {
      delete values[lower]
      if (!Object.keys(values).length) held.delete(el)
    }
    if (lower == 'src' && tag == 'IFRAME') hooks.placeholder?.(el, keys)
    return keys.length > 0
  }
  // Runs for every attribute set on any element: keep it cheap.
  function hold(this: Element, name: string, value: unknown): void {
    if (!keep(this, name, value)) setAttribute.call(this, name, value as string)
  }
  // Element's own setAttribute: `Element.prototype.setAttribute.call(img, …)` is held too.
  wrap(Element.prototype, 'setAttribute', () => hold)
  for (const type of [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement, HTMLSourceElement])
    for (const name of ['src', 'srcset'])
      wrap(type.prototype, name, () =>
        function (value) {
          hold.call(this, name, value)
        },
      )
  interceptHtml(wrap, () => on, keep, blockedBy)

  wrap(window, 'fetch', (fetch) =>
    function (input: unknown) {
      return stops(input instanceof Request ? input.url : input) ? Promise.reject(new TypeError('Failed to fetch')) : fetch.apply(this, arguments as never)
    },
  )
  const opened = new WeakMap<XMLHttpRequest, IArguments>()
  wrap(XMLHttpRequest.prototype, 'open', (open) =>
    function () {
      opened.set(this, arguments)
      // A reused object forgets the readyState a blocked send gave it.
      delete this.readyState
      return open.apply(this, arguments as never)
    },
  )
  wrap(XMLHttpRequest.prototype, 'send', (send) =>
    function () {
      const [, url, async] = opened.get(this) || []
      if (url == null || !stops(url)) return send.apply(this, arguments as never)
      if (async === false) throw new DOMException('Blocked', 'NetworkError')
      setTimeout(() => {
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true })
        for (const type of ['readystatechange', 'error', 'loadend']) this.dispatchEvent(new ProgressEvent(type))
      })
    },
  )
  wrap(Navigator.prototype, 'sendBeacon', (sendBeacon) =>
    function (url: unknown) {
      return !stops(url) && sendBeacon.apply(this, arguments as never)
    },
  )

  hooks.gateFrame = (el) => {
    const src = el.tagName == 'IFRAME' && el.getAttribute('src')
    const keys = src ? blockedBy(src) : []
    if (!keys.length) return
    const value = keys.join(' ')
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
  hooks.release = () =>
    held.forEach((values, el) => {
      if (!Object.values(values).some(stops))
        for (const name of ['srcset', 'src'])
          try {
            if (name in values) hold.call(el, name, values[name])
          } catch {
            // A plain string src under Trusted Types: the browser refuses it, as it would have.
          }
    })
  return () => {
    on = false
    undo.forEach((restore) => restore())
  }
}
