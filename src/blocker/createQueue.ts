import { trusted } from './trusted'

/** Attributes the blocker itself interprets; every other one carries over. */
const OWN = /^(type|src|nonce|data-type|data-src)$/

/**
 * Runs gated scripts in the order they are queued, as the parser would: an
 * external script without `async` holds back the ones after it until it loads
 * or fails. Each `place` in the page is replaced by a runnable copy of `source`
 * (itself, or the script a template stand-in stands for). A script that cannot
 * be copied is skipped and stays inert.
 */
export function createQueue(
  nonce: () => string | null | undefined,
): (place: HTMLScriptElement, source: HTMLScriptElement) => void {
  const waiting: [HTMLScriptElement, HTMLScriptElement][] = []
  let holding: HTMLScriptElement | undefined
  const next = (): void => {
    let item
    while (!holding && (item = waiting.shift())) {
      try {
        if (item[0].isConnected) run(...item)
      } catch {}
    }
  }
  const run = (place: HTMLScriptElement, old: HTMLScriptElement): void => {
    const script = copy(old, nonce())
    // A held-back URL (another category's `block` rule) leaves no src and no load event to wait for.
    if (script.hasAttribute('src') && !old.hasAttribute('async')) {
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
    place.replaceWith(script)
  }
  return (place, source) => {
    waiting.push([place, source])
    next()
  }
}

function copy(old: HTMLScriptElement, nonce: string | null | undefined): HTMLScriptElement {
  const script = document.createElement('script')
  for (const { name, value } of Array.from(old.attributes)) if (!OWN.test(name)) script.setAttribute(name, value)
  // A gated script keeps its real type in data-type; a template's own scripts keep theirs.
  const type = old.getAttribute(old.hasAttribute('data-consent') ? 'data-type' : 'type')
  if (type) script.type = type
  if (old.nonce || nonce) script.nonce = old.nonce || nonce!
  const src = old.getAttribute('src') || old.getAttribute('data-src')
  if (src) script.src = trusted(src, 'createScriptURL')
  else script.text = trusted(old.text, 'createScript')
  return script
}
