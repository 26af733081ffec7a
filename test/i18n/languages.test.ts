import { describe, expect, it } from 'vitest'
import ar from '../../src/i18n/ar'
import de from '../../src/i18n/de'
import en from '../../src/i18n/en'
import es from '../../src/i18n/es'
import fr from '../../src/i18n/fr'
import it_ from '../../src/i18n/it'
import nl from '../../src/i18n/nl'
import pl from '../../src/i18n/pl'
import pt from '../../src/i18n/pt'
import type { Messages } from '../../src/types'

const shipped: Record<string, Messages> = { ar, de, es, fr, it: it_, nl, pl, pt }

/** Every path to a string, e.g. `banner.acceptAll`. */
const paths = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v == 'object' ? paths(v, prefix + k + '.') : [prefix + k]))
const at = (tree: object, path: string) => path.split('.').reduce<any>((t, k) => t[k], tree)

describe('shipped languages', () => {
  it.each(Object.keys(shipped))('%s translates every English string, and only those', (code) => {
    const messages = shipped[code]!
    expect(paths(messages).sort()).toEqual(paths(en).sort())
    for (const path of paths(messages)) expect(at(messages, path).trim().length).toBeGreaterThan(1)
  })

  it.each(Object.keys(shipped))('%s keeps {category} in both placeholder texts', (code) => {
    expect([shipped[code]!.placeholder!.text, shipped[code]!.placeholder!.button]).toEqual([
      expect.stringContaining('{category}'),
      expect.stringContaining('{category}'),
    ])
  })

  it.each(Object.keys(shipped))('%s is really translated, not English', (code) => {
    const messages = shipped[code]!
    const same = paths(en).filter((path) => at(messages, path) == at(en, path))
    // "Marketing" is the same word in most of them.
    expect(same.filter((p) => p != 'categories.marketing.title')).toEqual([])
  })

  it('keeps the accept and reject labels of each language the same in banner and dialog', () => {
    for (const m of [en, ...Object.values(shipped)]) {
      expect([m.dialog.acceptAll, m.dialog.rejectAll]).toEqual([m.banner.acceptAll, m.banner.rejectAll])
    }
  })
})
