import type { Consent } from '../types'
import { renderPlaceholder } from './renderPlaceholder'

export interface Placeholders {
  /** Puts a placeholder naming `keys` in place of a blocked iframe (once it is laid out). */
  show(frame: Element, keys: string[]): void
  /** Removes the iframe's placeholder, if any, and shows the iframe again. */
  hide(frame: Element): void
  /** Removes the placeholders of iframes that left the page. */
  prune(): void
  /** Removes every placeholder. */
  clear(): void
}

/**
 * Keeps the contextual-consent placeholders of blocked iframes. They are drawn
 * once the iframes are laid out, all at once (a ResizeObserver reports it):
 * reading each iframe's size as it arrives would force a layout per iframe.
 */
export function createPlaceholders(consent: Consent): Placeholders {
  const shown = new Map<Element, HTMLElement>()
  const waiting = new Map<Element, string[]>()
  const draw = (): void => {
    // Every size first, then every change: one layout, not one per iframe.
    const sizes = Array.from(waiting, ([frame, keys]) => [frame as HTMLElement, keys, (frame as HTMLElement).offsetWidth, (frame as HTMLElement).offsetHeight] as const)
    waiting.clear()
    for (const [frame, keys, width, height] of sizes) {
      if (sizer) sizer.unobserve(frame)
      if (shown.has(frame) || !frame.isConnected) continue
      const host = renderPlaceholder(consent, frame, keys, width, height)
      shown.set(frame, host)
      frame.before(host)
      frame.hidden = true
    }
  }
  const sizer = typeof ResizeObserver == 'function' ? new ResizeObserver(draw) : undefined
  const hide = (frame: Element): void => {
    waiting.delete(frame)
    const host = shown.get(frame)
    if (!host) return
    shown.delete(frame)
    host.remove()
    ;(frame as HTMLElement).hidden = false
  }
  return {
    show(frame, keys) {
      waiting.set(frame, keys)
      if (sizer) sizer.observe(frame)
      else draw()
    },
    hide,
    prune: () => shown.forEach((host, frame) => frame.isConnected || (shown.delete(frame), host.remove())),
    clear() {
      waiting.clear()
      if (sizer) sizer.disconnect()
      shown.forEach((_, frame) => hide(frame))
    },
  }
}
