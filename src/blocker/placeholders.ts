import type { Consent, Internals } from '../types'
import { renderPlaceholder } from './renderPlaceholder'

/**
 * The optional part that puts a contextual-consent placeholder in place of each blocked
 * iframe (README "Contextual consent"); start it before `createBlocker`, to which it lends
 * `placeholder` and `prune`. Placeholders are drawn once the iframes are laid out, all at
 * once (a ResizeObserver reports it): reading each iframe's size as it arrives would force
 * a layout per iframe. The clean-up removes every placeholder.
 */
export function placeholders(consent: Consent, internals: Internals): () => void {
  const shown = new Map<Element, Element>()
  const waiting = new Map<Element, string[]>()
  const sizer = new ResizeObserver(() => {
    // Every size first, then every change: one layout, not one per iframe.
    const sizes = Array.from(waiting, ([frame, keys]) => [frame as HTMLElement, keys, (frame as HTMLElement).offsetWidth, (frame as HTMLElement).offsetHeight] as const)
    waiting.clear()
    for (const [frame, keys, width, height] of sizes) {
      sizer.unobserve(frame)
      if (shown.has(frame) || !frame.isConnected) continue
      const host = renderPlaceholder(consent, frame, keys, width, height)
      shown.set(frame, host)
      frame.before(host)
      frame.hidden = true
    }
  })
  const placeholder = (frame: Element, keys: string[]): void => {
    if (keys.length) return void (waiting.set(frame, keys), sizer.observe(frame))
    waiting.delete(frame)
    const host = shown.get(frame)
    if (host) shown.delete(frame), host.remove(), ((frame as HTMLElement).hidden = false)
  }
  internals.placeholder = placeholder
  internals.prune = () => shown.forEach((_, frame) => frame.isConnected || placeholder(frame, []))
  return () => {
    sizer.disconnect()
    shown.forEach((_, frame) => placeholder(frame, []))
  }
}
