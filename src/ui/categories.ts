import type { Category, Consent, Messages, NormalizedRules } from '../types'
import { renderDeclaration } from './declaration'
import { h } from './h'
import type { Kid } from './h'

/** A category's or service's title: the config's, else the texts', else the service's key. */
export const titleOf = (m: Messages, key: string, rules: NormalizedRules): string =>
  rules.title || (m.categories[key] || {}).title || key.split('.').pop()!

/**
 * One block per category: a `role="switch"` checkbox named after its key, then a block of
 * one per configured service (`'category.service'`). They mirror the store's rule: a
 * category switch carries its services along, and a category with services is on while
 * any of them is.
 */
export function renderCategories(consent: Consent, m: Messages): HTMLElement[] {
  const row = (key: string, rules: NormalizedRules): Kid[] => {
    // Texts from `config.categories` win: the site named its own categories and services.
    const description = rules.description || (m.categories[key] || {}).description
    // Keys are safe ids: service names are letters, digits, _ and - (`normalizeConfig`).
    return [
      h(
        'label',
        {},
        titleOf(m, key, rules),
        h('input', { type: 'checkbox', role: 'switch', part: 'switch', name: key, 'aria-describedby': description && key, disabled: key == 'necessary' }),
      ),
      description && h('p', { id: key, part: 'description' }, description),
    ]
  }
  return Object.entries(consent.config.categories).map(([c, rules]) => {
    const services = Object.entries(rules.services)
    const declaration = renderDeclaration(consent, m, c as Category)
    const box = h(
      'div',
      {
        part: 'category',
        onchange: (e: Event) => {
          const [lead, ...rest] = box.querySelectorAll('input')
          if (e.target == lead) for (const s of rest) s.checked = lead.checked
          else lead!.checked = rest.some((s) => s.checked)
        },
      },
      ...row(c, rules),
      services[0] && h('div', { part: 'services' }, ...services.flatMap(([s, r]) => row(c + '.' + s, r))),
      declaration && h('details', { part: 'declaration' }, h('summary', {}, m.declaration.show), declaration),
    )
    return box
  })
}
