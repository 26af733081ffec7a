import type { Consent, Messages } from '../types'
import { h } from './h'
import { createLayer } from './layer'

/**
 * The first layer: a non-modal landmark (not a cookie wall) with "Accept all" and
 * "Reject all" side by side. The decision's `change` event hides it. The consent's methods
 * are closures (no `this`), so they are handed to the buttons as they are.
 */
export function createBanner(consent: Consent, messages: Messages, attrs: Record<string, string>): HTMLElement {
  const texts = messages.banner
  return createLayer(
    consent,
    messages,
    'section',
    { ...attrs, role: 'region', part: 'banner' },
    texts,
    null,
    [consent.revisionChanged && h('p', { part: 'notice revision' }, texts.revision)],
    [
      ['accept', texts.acceptAll, consent.acceptAll],
      ['reject', texts.rejectAll, consent.rejectAll],
      ['settings', texts.settings, consent.openSettings],
    ],
  )
}
