import type { Category, Consent, Messages, Rules } from '../types'
import { h } from './h'

export interface Switches {
  /** One block per category, its services nested inside. */
  els: HTMLElement[]
  /** Sets every switch from the current choices. */
  sync(): void
  /** The choices as switched, `'category.service'` keys included. */
  choices(): Record<string, boolean>
}

/**
 * A `role="switch"` checkbox per category and per configured service, mirroring the
 * store's rule: a category switch carries its services along, and a category with
 * services is on while any of them is.
 */
export function createSwitches(consent: Consent, m: Messages): Switches {
  const inputs: Record<string, HTMLInputElement> = {}
  let n = 0
  const row = (key: string, rules: Rules, onchange: () => void) => {
    // Titles from `config.categories` win: the site named its own categories and services.
    const t: Partial<Messages['categories'][string]> = m.categories[key] || {}
    const title = rules.title || t.title || key.split('.').pop()
    const description = rules.description || t.description
    const id = 'd' + n++
    const input = (inputs[key] = h('input', {
      type: 'checkbox',
      role: 'switch',
      part: 'switch',
      'aria-describedby': description && id,
      disabled: key == 'necessary',
      onchange,
    }))
    return [h('label', {}, title, input), description && h('p', { id, part: 'description' }, description)]
  }
  const categories = consent.config.categories
  const els = Object.keys(categories).map((c) => {
    const rules = categories[c as Category]
    const services = Object.keys(rules.services)
    const keys = services.map((s) => c + '.' + s)
    const follow = () => keys.map((k) => (inputs[k]!.checked = inputs[c]!.checked))
    const lead = () => (inputs[c]!.checked = keys.some((k) => inputs[k]!.checked))
    return h(
      'div',
      { part: 'category' },
      ...row(c, rules, follow),
      services[0] &&
        h(
          'div',
          { part: 'services' },
          ...services.flatMap((s) => row(c + '.' + s, rules.services[s]!, lead)),
        ),
    )
  })
  return {
    els,
    sync: () => Object.keys(inputs).map((k) => (inputs[k]!.checked = consent.has(k))),
    choices: () => Object.fromEntries(Object.keys(inputs).map((k) => [k, inputs[k]!.checked])),
  }
}
