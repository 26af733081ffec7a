import type { Category } from '../types'

/** A cookie a vendor's code or servers set, as the cookie declaration shows it. */
export interface VendorCookie {
  /** Exact name, or a `/regex/` string for names with a variable part (`/^_ga_/`). */
  name: string
  /** How long it is kept, in plain words ("2 years", "session"). */
  duration: string
  /** What the vendor uses it for, in one sentence. */
  purpose: string
  /**
   * Set only for a cookie on the vendor's own domain (a third-party cookie, e.g. `.youtube.com`):
   * declared to visitors, but out of the site's reach, so never cleaned up by it.
   * @default undefined (the site's own domain)
   */
  domain?: string
}

/** One third party's preset: what to block, what it stores, and where each fact comes from. */
export interface Vendor {
  /** Stable kebab-case id, e.g. `google-analytics`. */
  id: string
  title: string
  /** The company that runs it. */
  provider: string
  /** https URL of the provider's privacy policy. */
  privacyPolicy: string
  /** The category a site usually puts it under. */
  category: Exclude<Category, 'necessary'>
  /** `block` rules: hosts (substrings) or `/regex/` strings of its requests and elements. */
  block: string[]
  /** Cookies it sets on the site's domain. */
  cookies: VendorCookie[]
  /** localStorage / sessionStorage keys and IndexedDB database names (exact or `/regex/`). */
  storage: string[]
  /** Where each fact was taken from: the vendor's documentation URL or its client package and file. */
  sources: string[]
}
