import { getMessages } from '../i18n/getMessages'
import { titleOf } from '../i18n/titleOf'
import { h } from '../ui/h'
import { shadow } from '../ui/shadow'
import type { Consent } from '../types'
import type { BlockerHooks } from './blocker'
import { rulesOf } from './rulesOf'

// The UI's custom properties, with fallbacks so a page without the UI still gets a readable box.
// The host is a grid so that the box, its one item, fills it.
const CSS =
  ':host{display:grid;max-width:100%}' +
  'div{display:grid;place-content:center;gap:var(--consentry-space,1em);padding:var(--consentry-space,1em);' +
  'text-align:center;font-family:var(--consentry-font,sans-serif);background:var(--consentry-bg,#eee);' +
  'color:var(--consentry-fg,#111);border-radius:var(--consentry-radius,8px)}' +
  'button{font:inherit;padding:.5em 1em;border:1px solid;border-radius:inherit;' +
  'background:var(--consentry-accent,#15c);color:var(--consentry-accent-fg,#fff)}'

/**
 * The optional part that puts a contextual-consent placeholder in place of each blocked
 * iframe; start it before `createBlocker`, to which it lends `placeholder` and `prune`.
 * The clean-up removes every placeholder.
 *
 * A placeholder is a `role="group"` naming the missing consent keys, with a button that
 * grants them. It lives in an open shadow root styled as the UI's is (`shadow`), so the
 * page's CSS does not reach it and no `style-src 'unsafe-inline'` is needed; it takes the
 * iframe's classes and laid-out size (borders included), so nothing moves when it loads.
 * Texts and names come from `getMessages` and `titleOf`, as the UI's do.
 */
export function placeholders(consent: Consent, hooks: BlockerHooks): () => void {
  const shown = new Map<Element, Element>()
  const waiting = new Map<Element, string[]>()
  // Placeholders are drawn once the iframes are laid out, all at once (the observer reports
  // it): reading each iframe's size as it arrives would force a layout per iframe.
  const sizer = new ResizeObserver(() => {
    // Every size first, then every change: one layout. An iframe not in the page yet (held
    // by a setter before insertion) waits until it is.
    const sizes = Array.from(waiting, ([frame, keys]) => {
      const el = frame as HTMLElement
      return [el, keys, el.offsetWidth, el.offsetHeight] as const
    })
    const messages = getMessages(consent)
    const rules = Object.fromEntries(rulesOf(consent.config))
    const title = (key: string): string => titleOf(messages, rules[key], key)
    const texts = messages.placeholder!
    for (const [frame, keys, width, height] of sizes) {
      if (!frame.isConnected) continue
      waiting.delete(frame)
      sizer.unobserve(frame)
      if (shown.has(frame)) continue
      const names = keys
        .map((key) => (key.includes('.') ? `${title(key)} (${title(key.split('.')[0]!)})` : title(key)))
        .join(', ')
      const fill = (message: string): string => message.split('{category}').join(names)
      const host = h('consentry-placeholder', { class: frame.className })
      const text = fill(texts.text)
      // A service the config does not name follows its category, so granting it means granting the category.
      const grant = Object.fromEntries(keys.map((key) => [key in consent.get() ? key : key.split('.')[0], true]))
      shadow(host, CSS, consent.config.nonce).append(
        h(
          'div',
          { role: 'group', 'aria-label': text },
          text,
          h('button', { onclick: () => consent.set(grant) }, fill(texts.button)),
        ),
      )
      // CSSOM, not a style attribute: a CSP without 'unsafe-inline' allows it.
      host.style.width = (width || 300) + 'px'
      host.style.height = (height || 150) + 'px'
      shown.set(frame, host)
      frame.before(host)
      frame.hidden = true
    }
  })
  const placeholder = (frame: Element, keys: string[]): void => {
    if (keys.length) {
      waiting.set(frame, keys)
      sizer.observe(frame)
      return
    }
    waiting.delete(frame)
    sizer.unobserve(frame)
    const host = shown.get(frame)
    if (host) {
      shown.delete(frame)
      host.remove()
      frame.removeAttribute('hidden')
    }
  }
  hooks.placeholder = placeholder
  hooks.prune = () =>
    shown.forEach((_, frame) => {
      if (!frame.isConnected) placeholder(frame, [])
    })
  return () => {
    sizer.disconnect()
    shown.forEach((_, frame) => placeholder(frame, []))
  }
}
