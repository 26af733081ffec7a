import { afterPaint } from '../afterPaint'
import { withdraws } from '../store/choices'
import type { Internals } from '../internals'
import type { Consent } from '../types'
import { allowed } from './allowed'
import { createQueue } from './createQueue'
import { stamp } from './stamp'
import { sweep } from './sweep'

/**
 * What the blocker's optional parts (`blockRules`, `placeholders`) lend it. They fill these
 * in when they start, so they must start before `createBlocker`, which reads them once.
 */
export interface BlockerHooks {
  /**
   * Lent by `blockRules` (absent without `block` rules): turns an iframe parsed from markup
   * with a blocked `src` into gated markup and stops its navigation; returns its new
   * `data-consent`, or nothing for any other element.
   */
  gateFrame?: (el: Element) => string | undefined
  /** Lent by `blockRules`: sets every held value whose keys are all granted now, in order. */
  release?: () => void
  /** Lent by `placeholders`: puts a placeholder naming `keys` in place of a blocked iframe, or removes it (no keys). */
  placeholder?: (frame: Element, keys: string[]) => void
  /** Lent by `placeholders`: removes the placeholders of iframes that left the page. */
  prune?: () => void
}

/**
 * The tag-blocker: activates `data-consent` markup for granted keys, deletes what refused
 * categories stored and reloads once after a withdrawal. `block` rules and iframe
 * placeholders are optional parts that lend it their `BlockerHooks`, so they start before it.
 * Started while the SDK's own script runs, possibly before `<body>` exists; returns its clean-up.
 */
export function createBlocker(consent: Consent, internals: Internals): () => void {
  const { gateFrame, release, placeholder, prune } = internals
  const started = new WeakSet<Element>()
  const enqueue = createQueue(consent, started)
  const selector = gateFrame ? '[data-consent],iframe,script[src]' : '[data-consent]'
  const pending: Element[] = []

  // Nothing follows a node the parser is still inside: a script or template whose text or
  // content is incomplete.
  const parsing = (node: Node | null): boolean => !node || (!node.nextSibling && parsing(node.parentNode))

  const visit = (el: Element): void => {
    const value = el.getAttribute('data-consent') ?? gateFrame?.(el)
    const tag = el.tagName
    // An empty value is never allowed: nothing to do.
    if (!value) return
    const ok = allowed(consent, value)
    const needs = () => value.match(/\S+/g)!.filter((key) => !consent.has(key))
    if (!ok && !value.includes('!')) {
      internals.blocked('element', el.getAttribute('data-src') || el.getAttribute('src') || tag.toLowerCase(), needs())
    }
    if (tag == 'SCRIPT' || tag == 'TEMPLATE') {
      if (
        !ok ||
        started.has(el) ||
        !el.isConnected ||
        (tag == 'SCRIPT' && (el as HTMLScriptElement).type != 'text/plain')
      )
        return
      if (document.readyState == 'loading' && parsing(el)) {
        pending.push(el)
        return
      }
      started.add(el)
      if (tag == 'SCRIPT') enqueue(el as HTMLScriptElement)
      else stamp(el as HTMLTemplateElement).forEach(deep)
    } else if (value.includes('!')) {
      // Fallback content: shown exactly while the value holds.
      el.toggleAttribute('hidden', !ok)
    } else {
      // Chromium leaves a frame at about:blank, with no request, when its src is set in the task that
      // inserted it (the parser's for a returning visitor, or a script's: this observer runs in it).
      // A frame gets its src while out of the page and goes back in place: a new frame, same element.
      const { parentNode, nextSibling } = el
      const out = ok && tag == 'IFRAME' && parentNode && el.hasAttribute('data-src')
      if (out) el.remove()
      // srcset first, so the browser picks its candidate before src starts a request.
      if (ok)
        for (const name of ['srcset', 'src']) {
          const moved = el.getAttribute('data-' + name)
          if (moved != null) {
            el.removeAttribute('data-' + name)
            el.setAttribute(name, moved)
          }
        }
      if (out) parentNode.insertBefore(el, nextSibling)
      if (tag == 'IFRAME') placeholder?.(el, ok || !el.hasAttribute('data-src') ? [] : needs())
    }
  }

  const safely = (el: Element): void => {
    try {
      visit(el)
    } catch {
      // Failing closed: whatever threw stays as it was, blocked.
    }
  }
  const deep = (node: Node): void => {
    if (node.nodeType == 1) safely(node as Element)
    if ((node as Element).firstElementChild) (node as Element).querySelectorAll(selector).forEach(safely)
  }
  const flush = (): void => pending.splice(0).forEach(safely)

  // One observer for everything added later: parsed markup, SPA views, other scripts.
  const observer = new MutationObserver((records) => {
    flush()
    // An indexed loop: this runs for every node any script adds to the page.
    for (const record of records) {
      for (let added = record.addedNodes, i = 0; i < added.length; i++) deep(added[i]!)
      if (record.removedNodes.length) prune?.()
    }
  })

  const off = consent.on('change', (choices, previous) => {
    const withdrawn = withdraws(previous, choices)
    // A withdrawal's clean-up happens at once; with nothing taken back, deleting what refused
    // categories left behind can wait for the next paint (a trip to the browser process).
    if (withdrawn) sweep(consent)
    else afterPaint(() => sweep(consent))
    // The new decision is stored before `change` fires, so the reloaded page does not withdraw again.
    if (consent.config.reloadOnWithdraw && withdrawn) {
      off()
      location.reload()
    } else {
      release?.()
      deep(document)
    }
  })

  sweep(consent)
  deep(document)
  observer.observe(document, { childList: true, subtree: true })
  document.addEventListener('DOMContentLoaded', flush)

  return () => {
    off()
    observer.disconnect()
    document.removeEventListener('DOMContentLoaded', flush)
  }
}
