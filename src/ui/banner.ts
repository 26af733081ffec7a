import type { Consent, Messages } from '../types'
import { h } from './h'
import { createLayer } from './layer'

/**
 * The first layer: a non-modal landmark (not a cookie wall) with "Accept all" and
 * "Reject all" side by side. The decision's `change` event hides it.
 */
export function createBanner(consent: Consent, m: Messages, attrs: Record<string, string>): HTMLElement {
  const b = m.banner
  return createLayer(
    consent,
    m,
    'section',
    { ...attrs, role: 'region', part: 'banner' },
    b,
    null,
    [consent.revisionChanged && h('p', { part: 'notice revision' }, b.revision)],
    [
      ['accept', b.acceptAll, () => consent.acceptAll()],
      ['reject', b.rejectAll, () => consent.rejectAll()],
      ['settings', b.settings, () => consent.openSettings()],
    ],
  )
}
