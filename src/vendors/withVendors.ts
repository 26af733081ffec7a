import type { CategoryConfig, ConsentConfig, ServiceConfig } from '../types'
import type { Vendor } from './types'

/** A cookie as a config declares it; its provider is the service's. */
export interface DeclaredCookie {
  name: string
  duration: string
  purpose: string
}

/** What a preset becomes in a config: a service of its category, named by the preset's id. */
export interface VendorService {
  title: string
  provider: string
  privacyPolicy: string
  block: string[]
  cookies: DeclaredCookie[]
  storage: string[]
}

/** The service a preset becomes: its rules and its declaration, with nothing of the catalogue's own bookkeeping. */
export function vendorService(vendor: Vendor): VendorService {
  return {
    title: vendor.title,
    provider: vendor.provider,
    privacyPolicy: vendor.privacyPolicy,
    block: [...vendor.block],
    cookies: vendor.cookies.map(({ name, duration, purpose }) => ({ name, duration, purpose })),
    storage: [...vendor.storage],
  }
}

/**
 * A copy of `config` with each preset as a service of its category, named by its id
 * (`categories.analytics.services['google-analytics']`). What the config already says wins:
 * a service of the same id keeps its own keys, and the category's own rules stay as they are.
 * To file a vendor elsewhere, spread it: `withVendors(config, { ...hotjar, category: 'marketing' })`.
 * `config` itself is not changed.
 */
export function withVendors(config: ConsentConfig, ...presets: Vendor[]): ConsentConfig {
  const categories: Record<string, CategoryConfig> = { ...config.categories }
  for (const vendor of presets) {
    const category = categories[vendor.category] ?? {}
    const own = category.services?.[vendor.id]
    const service: ServiceConfig = { ...vendorService(vendor), ...own }
    categories[vendor.category] = { ...category, services: { ...category.services, [vendor.id]: service } }
  }
  return { ...config, categories }
}
