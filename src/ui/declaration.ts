import type { Category, Consent, Messages, NormalizedRules } from '../types'
import { titleOf } from '../i18n/titleOf'
import { h } from './h'

const COLUMNS = ['name', 'provider', 'duration', 'purpose'] as const

/** `n` days in words of `lang` ("182 days", "182 Tage"); just the number where Intl does not know the tag. */
function days(n: number, lang: string): string {
  try {
    return n.toLocaleString(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' })
  } catch {
    return n + ''
  }
}

/**
 * One category's cookie declaration as a table: a caption, a header row, the category's own
 * cookies (Necessary's first: the SDK's own), then a row group per service headed by its
 * title, provider and privacy-policy link. Plain markup, no parts: on a policy page the
 * site's CSS styles it. A cookie's duration and purpose come from
 * `translations[lang].cookies[name]` over the config; its provider defaults to its service's.
 * Nothing for a category with nothing to declare.
 */
export function renderDeclaration(consent: Consent, m: Messages, c: Category): HTMLTableElement | false {
  const { cookie, categories } = consent.config
  const rules = categories[c]
  // One row maker for the header (`th`, the column names) and each cookie (`td`).
  const row = (tag: string, d: Partial<Record<(typeof COLUMNS)[number], string>>) =>
    h('tr', {}, ...COLUMNS.map((k) => h(tag, {}, d[k])))
  const cookies = (r: NormalizedRules) =>
    (r.declaration || []).map((d) => row('td', { provider: r.provider, ...d, ...m.cookies?.[d.name] }))
  const own = {
    name: cookie.name,
    provider: cookie.domain || location.hostname,
    duration: days(cookie.maxAgeDays, consent.language),
    purpose: m.declaration.own,
  }
  const rows = [
    ...(c == 'necessary' ? [row('td', own)] : []),
    ...cookies(rules),
    ...Object.entries(rules.services).map(([s, r]) => {
      const link = r.privacyPolicy && h('a', { href: r.privacyPolicy }, m.banner.policy)
      const head = h(
        'th',
        { colspan: '4', scope: 'rowgroup' },
        titleOf(m, r, c + '.' + s),
        r.provider && ' · ' + r.provider,
        link && ' · ',
        link,
      )
      return h('tbody', {}, h('tr', {}, head), ...cookies(r))
    }),
  ]
  return !!rows[0] && h('table', {}, h('caption', {}, titleOf(m, rules, c)), row('th', m.declaration), ...rows)
}

/**
 * Renders the whole declaration into every `[data-consentry-declaration]` element; returns what
 * empties them. `texts()` is asked only if there is one.
 */
export function renderDeclarations(consent: Consent, texts: () => Messages): () => void {
  const boxes = [...document.querySelectorAll('[data-consentry-declaration]')]
  for (const box of boxes)
    box.replaceChildren(
      h(
        'div',
        {},
        ...Object.keys(consent.config.categories).map((c) => renderDeclaration(consent, texts(), c as Category)),
      ),
    )
  return () => boxes.map((box) => box.replaceChildren())
}
