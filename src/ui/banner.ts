import type { Consent, Messages } from '../types'
import { button } from './button'
import { h } from './h'
import { gpcNotice } from './notices'
import { policyLink } from './policyLink'

/**
 * The first layer: a non-modal landmark (not a cookie wall) with "Accept all" and
 * "Reject all" side by side. `decide` runs a decision and hides the banner.
 */
export function createBanner(
  consent: Consent,
  m: Messages,
  attrs: Record<string, string>,
  decide: (choice: () => void) => void,
): HTMLElement {
  const b = m.banner
  return h(
    'section',
    { ...attrs, role: 'region', 'aria-labelledby': 'bt', part: 'banner' },
    h('h2', { id: 'bt', part: 'title' }, b.title),
    h('p', { part: 'description' }, b.description, ' ', policyLink(consent.config.policyUrl, b.policy)),
    consent.revisionChanged && h('p', { part: 'notice revision' }, b.revision),
    gpcNotice(consent, m),
    h(
      'div',
      { part: 'actions' },
      button('accept', b.acceptAll, () => decide(() => consent.acceptAll())),
      button('reject', b.rejectAll, () => decide(() => consent.rejectAll())),
      button('settings', b.settings, () => consent.openSettings()),
    ),
  )
}
