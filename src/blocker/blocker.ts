import { withdraws } from '../store/choices'
import type { Consent } from '../types'
import { allowed } from './allowed'
import { createBlockedBy } from './blockedBy'
import { createPlaceholders } from './createPlaceholders'
import { createQueue } from './createQueue'
import { interceptElements } from './interceptElements'
import { interceptRequests } from './interceptRequests'
import { stamp } from './stamp'
import { sweep } from './sweep'

/**
 * The tag-blocker (DESIGN §2): activates `data-consent` markup for granted keys,
 * holds back what `block` rules match, deletes what refused categories stored
 * and reloads once after a withdrawal. Started while the SDK's own script runs,
 * possibly before `<body>` exists; returns its clean-up.
 */
export function createBlocker(consent: Consent): () => void {
  if (typeof document == 'undefined') return () => {}
  // config.nonce already holds the SDK script's own nonce when none was configured (consent.ts).
  const enqueue = createQueue(() => {
    const any = document.querySelector<HTMLScriptElement>('script[nonce]')
    return consent.config.nonce || (any && any.nonce)
  })
  const blockedBy = createBlockedBy(consent)
  const selector = blockedBy ? '[data-consent],iframe' : '[data-consent]'
  const placeholders = createPlaceholders(consent)
  const started = new WeakSet<Element>()
  const sources = new WeakMap<Element, HTMLScriptElement>()
  let pending: Element[] = []
  let reloading = false

  const intercepted =
    blockedBy &&
    interceptElements(blockedBy, (el) => {
      const values = intercepted!.held.get(el)
      if (el.tagName == 'IFRAME') values ? placeholders.show(el, blockedBy(values.src!)) : placeholders.hide(el)
    })
  const unpatch = blockedBy && interceptRequests((url) => blockedBy(url).length > 0)

  // While the parser is still inside a script or template, its text or content is incomplete.
  const ready = (el: Node): boolean => {
    if (document.readyState != 'loading') return true
    for (let node: Node | null = el; node; node = node.parentNode) if (node.nextSibling) return true
    return false
  }
  const move = (el: Element, name: string): void => {
    const value = el.getAttribute('data-' + name)
    if (value == null) return
    el.removeAttribute('data-' + name)
    el.setAttribute(name, value)
  }

  const visit = (el: Element): void => {
    const value = el.getAttribute('data-consent')
    const tag = el.tagName
    if (value == null) {
      if (tag != 'IFRAME' || !intercepted) return
      // An iframe held by a setter, or parsed from markup with a blocked src: gate it like markup.
      const values = intercepted.held.get(el)
      const src = el.getAttribute('src')
      const keys = !values && src ? blockedBy!(src) : []
      if (values) placeholders.show(el, blockedBy!(values.src!))
      else if (keys.length) {
        el.setAttribute('data-consent', keys.join(' '))
        el.setAttribute('data-src', src!)
        // Removing src would not stop the navigation the parser started, and a new one to
        // about:blank does not always cancel a cross-site one; detaching the frame does.
        el.setAttribute('src', 'about:blank')
        const parent = el.parentNode!
        const next = el.nextSibling
        el.remove()
        parent.insertBefore(el, next)
        visit(el)
      }
      return
    }
    const ok = allowed(consent, value)
    if (tag == 'SCRIPT' || tag == 'TEMPLATE') {
      if (!ok || started.has(el) || !el.isConnected || (tag == 'SCRIPT' && (el as HTMLScriptElement).type != 'text/plain')) return
      if (!ready(el)) return void pending.push(el)
      started.add(el)
      if (tag == 'SCRIPT') enqueue(el as HTMLScriptElement, sources.get(el) || (el as HTMLScriptElement))
      else stamp(el as HTMLTemplateElement, sources).forEach(deep)
    } else if (value.includes('!')) {
      // Fallback content: shown exactly while the value holds.
      ;(el as HTMLElement).hidden = !ok
    } else if (ok) {
      move(el, 'srcset')
      move(el, 'src')
      placeholders.hide(el)
    } else if (tag == 'IFRAME' && el.hasAttribute('data-src')) {
      placeholders.show(el, value.match(/\S+/g)!.filter((key) => !consent.has(key)))
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
    if (node.nodeType != 1) return
    safely(node as Element)
    if ((node as Element).firstElementChild) (node as Element).querySelectorAll(selector).forEach(safely)
  }
  const scan = (): void => document.querySelectorAll(selector).forEach(safely)
  const flush = (): void => {
    const waiting = pending
    pending = []
    waiting.forEach(safely)
  }

  // One observer for everything added later: parsed markup, SPA views, other scripts.
  const observer = new MutationObserver((records) => {
    flush()
    for (const record of records) {
      // An indexed loop: this runs for every node any script adds to the page.
      for (let added = record.addedNodes, i = 0; i < added.length; i++) deep(added[i]!)
      if (record.removedNodes.length) placeholders.prune()
    }
  })

  const off = consent.on('change', (choices, previous) => {
    if (reloading) return
    try {
      sweep(consent)
    } catch {}
    // The new decision is stored before `change` fires, so the reloaded page does not withdraw again.
    if (consent.config.reloadOnWithdraw && withdraws(previous, choices)) {
      reloading = true
      return location.reload()
    }
    if (intercepted) intercepted.release()
    scan()
  })

  try {
    sweep(consent)
  } catch {}
  scan()
  observer.observe(document, { childList: true, subtree: true })
  document.addEventListener('DOMContentLoaded', flush)

  return () => {
    off()
    observer.disconnect()
    document.removeEventListener('DOMContentLoaded', flush)
    if (intercepted) intercepted.undo()
    if (unpatch) unpatch()
    placeholders.clear()
  }
}
