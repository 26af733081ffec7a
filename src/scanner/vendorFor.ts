import { toTest } from '../blocker/patterns'
import type { Vendor } from '../vendors/types'

export type VendorField = 'block' | 'cookies' | 'storage'

/**
 * The first catalogue vendor whose `block` rules match a request URL, or whose `cookies` or
 * `storage` entries name a cookie or storage key; the catalogue is a parameter so tests can
 * bring their own.
 */
export function vendorFor(vendors: readonly Vendor[], field: VendorField, value: string): Vendor | undefined {
  return vendors.find((vendor) =>
    field == 'block'
      ? vendor.block.some((rule) => toTest(rule, false)(value))
      : (field == 'cookies' ? vendor.cookies.map((cookie) => cookie.name) : vendor.storage).some((name) =>
          toTest(name, true)(value),
        ),
  )
}
