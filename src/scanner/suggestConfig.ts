import type { Vendor } from '../vendors/types'
import type { Suggestion, Undeclared } from './types'

/**
 * The catalogue's config lines for the vendors behind undeclared things, merged by category,
 * and what no vendor explains.
 */
export function suggestConfig(undeclared: readonly Undeclared[], vendors: readonly Vendor[]): Suggestion {
  const ids = [...new Set(undeclared.map((u) => u.vendor).filter((id): id is string => !!id))]
  const categories: Suggestion['categories'] = {}
  for (const id of ids) {
    const vendor = vendors.find((v) => v.id == id)
    if (!vendor) continue
    const lines = (categories[vendor.category] ??= { block: [], cookies: [], storage: [] })
    const add = (into: string[], values: string[]) => into.push(...values.filter((value) => !into.includes(value)))
    add(lines.block, vendor.block)
    add(
      lines.cookies,
      vendor.cookies.map((cookie) => cookie.name),
    )
    add(lines.storage, vendor.storage)
  }
  return {
    vendors: ids,
    command: ids.length ? 'npx consentry config ' + ids.join(' ') : null,
    categories,
    unknown: undeclared.filter((u) => !u.vendor).map(({ kind, name }) => ({ kind, name })),
  }
}
