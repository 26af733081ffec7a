import type { Consent } from '../types'
import { trusted } from './trusted'

/** Attributes the blocker itself interprets; every other one carries over. */
const OWN = /^(type|src|nonce|data-type|data-src)$/

type Queue = (place: Element, source: HTMLScriptElement) => void

/**
 * Runs gated scripts in the order they are queued, as the parser would: an
 * external script without `async` holds back the ones after it until it loads
 * or fails. Each `place` in the page is replaced by a runnable copy of `source`
 * (itself, or the script a template stand-in stands for), with a nonce: its own,
 * the configured one (by default the SDK script's), or any on the page. A script
 * that cannot be copied is skipped and stays inert.
 */
export function createQueue(consent: Consent): Queue {
  const waiting: [Element, HTMLScriptElement][] = []
  let holding: HTMLScriptElement | undefined
  const next = (): void => {
    for (let item; !holding && (item = waiting.shift()); )
      try {
        if (item[0]!.isConnected) run(item[0]!, item[1]!)
      } catch {}
  }
  const run = (place: Element, old: HTMLScriptElement): void => {
    const script = document.createElement('script')
    for (const { name, value } of Array.from(old.attributes)) if (!OWN.test(name)) script.setAttribute(name, value)
    // A gated script keeps its real type in data-type; a template's own scripts keep theirs.
    const type = old.getAttribute(old.hasAttribute('data-consent') ? 'data-type' : 'type')
    if (type) script.type = type
    script.nonce = old.nonce || consent.config.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || ''
    const src = old.getAttribute('src') || old.getAttribute('data-src')
    if (src) script.src = trusted(src, 'createScriptURL')
    else script.text = trusted(old.text, 'createScript')
    // A held-back URL (another category's `block` rule) leaves no src and no load event to wait for.
    if (script.hasAttribute('src') && !script.hasAttribute('async')) {
      holding = script
      const go = (): void => {
        if (holding == script) (holding = undefined), next()
      }
      script.addEventListener('load', go)
      script.addEventListener('error', go)
    }
    place.replaceWith(script)
  }
  return (place, source) => {
    waiting.push([place, source])
    next()
  }
}
