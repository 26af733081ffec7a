import type { Consent } from '../types'
import { trusted } from './trusted'

/** Attributes the blocker itself interprets; every other one carries over. */
const OWN = /^(type|src|nonce|data-type|data-src)$/

type Queue = (script: HTMLScriptElement) => void

/**
 * Runs gated scripts in the order they are queued, as the parser would: an
 * external script without `async` holds back the ones after it until it loads
 * or fails. Each is replaced by a runnable copy, with a nonce: its own,
 * the configured one (by default the SDK script's), or any on the page. A script
 * that cannot be copied is skipped and stays inert. Copies join `started`: one keeps
 * `data-consent` and may be `text/plain` again (a gated data block), yet is never gated again.
 */
export function createQueue(consent: Consent, started: WeakSet<Element>): Queue {
  const waiting: HTMLScriptElement[] = []
  let holding: HTMLScriptElement | undefined
  const next = (): void => {
    while (!holding && waiting[0]) {
      const old = waiting.shift()!
      try {
        if (old.isConnected) run(old)
      } catch {}
    }
  }
  const run = (old: HTMLScriptElement): void => {
    const script = document.createElement('script')
    started.add(script)
    for (const { name, value } of old.attributes) if (!OWN.test(name)) script.setAttribute(name, value)
    // A gated script keeps its real type in data-type.
    const type = old.getAttribute('data-type')
    if (type) script.type = type
    script.nonce =
      old.nonce || consent.config.nonce || document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || ''
    const src = old.getAttribute('src') || old.getAttribute('data-src')
    if (src) script.src = trusted(src, 'createScriptURL')
    else script.text = trusted(old.text, 'createScript')
    // A held-back URL (another category's `block` rule) leaves no src and no load event to wait for.
    if (script.hasAttribute('src') && !script.hasAttribute('async')) {
      holding = script
      const go = (): void => {
        if (holding == script) {
          holding = undefined
          next()
        }
      }
      script.addEventListener('load', go)
      script.addEventListener('error', go)
    }
    old.replaceWith(script)
  }
  return (script) => {
    waiting.push(script)
    next()
  }
}
