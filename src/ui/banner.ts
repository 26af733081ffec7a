import type { Consent, Messages } from '../types'
import { h } from './h'
import { createLayer } from './layer'

/**
 * The first layer: a non-modal landmark (not a cookie wall) with "Accept all" and
 * "Reject all" side by side. `decide` hides it at once and makes the decision after the next
 * paint (`pendingDecision`). The consent's methods are closures (no `this`), so they are
 * handed on as they are.
 */
export function createBanner(
  consent: Consent,
  messages: Messages,
  attrs: Record<string, string>,
  decide: (decision: () => void) => void,
): HTMLElement {
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
      ['accept', texts.acceptAll, () => decide(consent.acceptAll)],
      ['reject', texts.rejectAll, () => decide(consent.rejectAll)],
      ['settings', texts.settings, consent.openSettings],
    ],
  )
}
