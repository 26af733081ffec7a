import type { Category, Consent, Messages, NormalizedRules } from '../types'
import { titleOf } from '../i18n/titleOf'
import { renderDeclaration } from './declaration'
import { h } from './h'
import type { Kid } from './h'

/**
 * One block per category: a `role="switch"` checkbox named after its key, then a block of
 * one per configured service (`'category.service'`). They mirror the store's rule: a
 * category switch carries its services along, and a category with services is on while
 * any of them is.
 */
export function renderCategories(consent: Consent, messages: Messages): HTMLElement[] {
  const row = (key: string, rules: NormalizedRules): Kid[] => {
    // Descriptions from `config.categories` win, as titles do (`titleOf`).
    const description = rules.description || messages.categories[key]?.description
    // Keys are safe ids: service names are letters, digits, _ and - (`normalizeConfig`).
    return [
      h(
        'label',
        {},
        titleOf(messages, rules, key),
        h('input', {
          type: 'checkbox',
          role: 'switch',
          part: 'switch',
          name: key,
          'aria-describedby': description && key,
          disabled: key == 'necessary',
        }),
      ),
      description && h('p', { id: key, part: 'description' }, description),
    ]
  }
  return Object.entries(consent.config.categories).map(([category, rules]) => {
    const services = Object.entries(rules.services)
    const declaration = renderDeclaration(consent, messages, category as Category)
    const box = h(
      'div',
      {
        part: 'category',
        onchange: (event: Event) => {
          const [lead, ...rest] = box.querySelectorAll('input')
          if (event.target == lead) for (const input of rest) input.checked = lead.checked
          else lead!.checked = rest.some((input) => input.checked)
        },
      },
      ...row(category, rules),
      services[0] &&
        h(
          'div',
          { part: 'services' },
          ...services.flatMap(([service, serviceRules]) => row(category + '.' + service, serviceRules)),
        ),
      declaration && h('details', { part: 'declaration' }, h('summary', {}, messages.declaration.show), declaration),
    )
    return box
  })
}
