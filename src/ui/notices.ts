import type { Consent, Messages } from '../types'
import { h } from './h'

/** The Global Privacy Control notice, when the signal is honoured (CPRA asks that it be shown). */
export const gpcNotice = (consent: Consent, m: Messages): HTMLParagraphElement | false =>
  consent.gpc && h('p', { part: 'notice gpc' }, m.gpc)
