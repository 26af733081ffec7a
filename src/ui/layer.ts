import type { Consent, Messages } from '../types'
import { h } from './h'
import type { Kid } from './h'

/** An action button: its part, its text and what it does. */
type Action = [part: string, text: string, act: () => void]

/**
 * What banner and dialog share: a heading that names the layer (in a row with `close`
 * when there is one), the description with the privacy-policy link, the Global Privacy
 * Control notice while the signal is honoured (CPRA asks that it be shown), `more`, and
 * one row of buttons that are the same element in the same style: equal prominence.
 * `config.policyUrl` arrives validated (http(s) or relative; `normalizeConfig` refuses
 * `javascript:` and `data:` with a warning), so it is used as is.
 */
export function createLayer<K extends 'section' | 'dialog'>(
  consent: Consent,
  messages: Messages,
  tag: K,
  props: Record<string, unknown>,
  texts: { title: string; description: string },
  close: Kid,
  more: Kid[],
  actions: Action[],
): HTMLElementTagNameMap[K] {
  const url = consent.config.policyUrl
  const id = tag[0] + 't'
  const title = h('h2', { id, part: 'title' }, texts.title)
  return h(
    tag,
    { ...props, 'aria-labelledby': id },
    close ? h('div', { part: 'head' }, title, close) : title,
    h(
      'p',
      { part: 'description' },
      texts.description,
      ' ',
      url && messages.banner.policy && h('a', { href: url, part: 'link' }, messages.banner.policy),
    ),
    consent.gpc && h('p', { part: 'notice gpc' }, messages.gpc),
    ...more,
    h(
      'div',
      { part: 'actions' },
      ...actions.map(([part, text, onclick]) => h('button', { part: 'button ' + part, onclick }, text)),
    ),
  )
}
