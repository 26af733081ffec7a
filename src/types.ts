/** The four categories of the policy. `necessary` is always granted. */
export type Category = 'necessary' | 'analytics' | 'marketing' | 'personalization'

/**
 * A consent key: a category (`'analytics'`) or one of its services
 * (`'analytics.hotjar'`). A service is granted only while its category is.
 */
export type ConsentKey = Category | `${Category}.${string}`

/** Every category, and every configured service, mapped to granted or not. */
export type Choices = Record<string, boolean> & Record<Category, boolean>

/** How a decision was made. `withdraw` is any decision that takes back a grant. */
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'withdraw'

/** Proof of consent: what was decided, when, under which policy revision. No IP, no user agent. */
export interface ConsentRecord {
  /** Random id (`crypto.randomUUID()`), kept across updates of one visitor's decision. */
  id: string
  /** ISO 8601 time of the first decision. */
  createdAt: string
  /** ISO 8601 time of the latest decision. */
  updatedAt: string
  /** ISO 8601 time after which the decision is no longer valid. */
  expiresAt: string
  revision: number
  choices: Choices
  method: Method
  /** Whether the Global Privacy Control signal was on when the decision was made. */
  gpc: boolean
  /** Language the texts were shown in. */
  language: string
}

/**
 * A cookie as the declaration shows it (the settings dialog and `[data-consentry-declaration]`).
 * `duration` and `purpose` can be given per language in `translations[lang].cookies[name]`.
 */
export interface CookieDeclaration {
  /** Exact name, or a `/regex/` string for names with a variable part (`/^_ga_/`). */
  name: string
  /** Who sets it. @default the service's `provider` */
  provider?: string
  /** How long it is kept, in words ("2 years", "session"). @default undefined */
  duration?: string
  /** What it is used for. @default undefined */
  purpose?: string
}

/** Rules shared by a category and a service. */
export interface Rules {
  /** Name shown in the settings and placeholders. @default the translated title, else the key */
  title?: string
  /** Shown under the switch in the settings. @default the translated description, if any */
  description?: string
  /**
   * Cookies this category (or service) sets, not written while refused and deleted when
   * consent is withdrawn: exact names, `/regex/` strings, or objects that also declare who
   * sets them, for how long and why.
   * @default []
   */
  cookies?: (string | CookieDeclaration)[]
  /**
   * localStorage / sessionStorage keys and IndexedDB database names (exact or `/regex/`): not
   * written while refused, removed on withdrawal.
   * @default []
   */
  storage?: string[]
  /**
   * URL patterns (substring, or `/regex/` string) of requests and elements that
   * third-party code creates, held back until consent.
   * @default []
   */
  block?: string[]
}

/** A service inside a category: rules, plus who runs it. */
export interface ServiceConfig extends Rules {
  /** The company that runs it, shown in the declaration. @default undefined */
  provider?: string
  /** https URL of its privacy policy, linked from the declaration (anything else is refused). @default undefined */
  privacyPolicy?: string
}

export interface CategoryConfig extends Rules {
  /**
   * Services inside the category, each with its own switch; addressed as
   * `'category.service'` (`has('analytics.hotjar')`).
   * @default {}
   */
  services?: Record<string, ServiceConfig>
}

/**
 * Rules after validation: `cookies` holds the names and `/regex/` strings the blocker
 * enforces, `declaration` the same cookies (in the same order) with what they declare.
 */
export interface NormalizedRules extends Omit<ServiceConfig, 'cookies'> {
  cookies?: string[]
  /** Present whenever `cookies` is. */
  declaration?: CookieDeclaration[]
}

export interface CookieConfig {
  /** @default 'consentry' */
  name: string
  /** Set to share the decision across subdomains, e.g. `'example.com'`. @default undefined (host-only) */
  domain?: string
  /** @default '/' */
  path: string
  /** @default 'Lax' */
  sameSite: 'Lax' | 'Strict' | 'None'
  /** Lifetime of the decision in days, capped at 395 (13 months). @default 182 */
  maxAgeDays: number
}

/** Strings of one language; any subset may be given in `translations`. */
export interface Messages {
  banner: {
    title: string
    description: string
    acceptAll: string
    rejectAll: string
    settings: string
    /** Shown on the banner when the policy revision changed since the last decision. */
    revision?: string
    /** Text of the privacy policy link. */
    policy?: string
  }
  dialog: {
    title: string
    description: string
    save: string
    acceptAll: string
    rejectAll: string
    close: string
    /** Label of the visitor's consent id, shown once a decision exists (they cite it in a request about their data). */
    id: string
    /** The button that copies the consent id. */
    copy: string
  }
  /**
   * Keyed by category (`analytics`) or service (`analytics.hotjar`): titles from
   * `config.categories` win over these.
   */
  categories: Record<string, { title: string; description: string }>
  /** The cookie declaration: its disclosure, its column headers, the SDK's own cookie. */
  declaration: {
    /** The disclosure in the dialog that reveals a category's services and cookies. */
    show: string
    name: string
    provider: string
    duration: string
    purpose: string
    /** Purpose of the SDK's own cookie (`cookie.name`), declared under Necessary. */
    own: string
  }
  /**
   * Per cookie name as written in `cookies` (`/regex/` strings included): its duration and
   * purpose in this language, over the ones in the config.
   */
  cookies?: Record<string, { duration?: string; purpose?: string }>
  footer: { link: string }
  /** Notice shown while the Global Privacy Control signal is honoured. */
  gpc?: string
  /** Placeholder of a blocked embed; `{category}` is replaced by the category title. */
  placeholder: { text: string; button: string }
}

export type DeepPartial<T> = {
  [K in keyof T]?: NonNullable<T[K]> extends object ? DeepPartial<NonNullable<T[K]>> : T[K]
}

export interface GoogleConsentModeConfig {
  /** Milliseconds Google tags wait for an update after the default. @default undefined */
  waitForUpdate?: number
  /**
   * Category → Google consent types, merged over the default.
   * @default { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'], personalization: ['personalization_storage', 'functionality_storage'] }
   */
  mapping?: Partial<Record<Category, string[]>>
}

/** Options of `createConsent`; all optional. */
export interface ConsentConfig {
  /** Policy revision; a stored decision of another revision asks again. @default 0 */
  revision?: number
  /** Rules, services and titles per category. @default every category with no rules and no services */
  categories?: Partial<Record<Category, CategoryConfig>>
  /** Where and how long the decision is stored. @default see `CookieConfig` */
  cookie?: Partial<CookieConfig>
  /** `'auto'` picks from `<html lang>` then `navigator.languages`. @default 'auto' */
  language?: string
  /** Texts by language code, any subset; merged over the built-in and script-tag languages. @default {} */
  translations?: Record<string, DeepPartial<Messages>>
  /** Link to the privacy policy shown in the banner (http(s) or relative). @default undefined */
  policyUrl?: string
  /** Google Consent Mode v2 signals. @default false */
  googleConsentMode?: boolean | GoogleConsentModeConfig
  /** Honour `navigator.globalPrivacyControl` ("Accept all" leaves marketing off). @default true */
  gpc?: boolean
  /** Reload the page after a withdrawal, since scripts that ran cannot be stopped. @default true */
  reloadOnWithdraw?: boolean
  /** URL that receives each decision as JSON via `sendBeacon`. @default undefined */
  recordEndpoint?: string
  /** Show a floating button that reopens the settings. @default false */
  floatingButton?: boolean
  /** Colour scheme of the UI; `'auto'` follows `prefers-color-scheme`. @default 'auto' */
  theme?: 'light' | 'dark' | 'auto'
  /** CSP nonce for activated scripts; read from the SDK's own script when omitted. @default undefined */
  nonce?: string
}

/** A config after validation: every key present, every value of the right type. */
export interface NormalizedConfig {
  revision: number
  categories: Record<Category, NormalizedRules & { services: Record<string, NormalizedRules> }>
  cookie: CookieConfig
  language: string
  translations: Record<string, DeepPartial<Messages>>
  policyUrl?: string
  googleConsentMode: false | GoogleConsentModeConfig
  gpc: boolean
  reloadOnWithdraw: boolean
  recordEndpoint?: string
  floatingButton: boolean
  theme: 'light' | 'dark' | 'auto'
  nonce?: string
}

export interface ConsentEvents {
  /** A decision changed the choices (also fired by `reset()`). */
  change: (choices: Choices, previous: Choices, record: ConsentRecord | null) => void
  /** `showBanner()` was called; a UI shows its first layer. */
  banner: () => void
  /** `openSettings()` (true) or `closeSettings()` (false) was called. */
  settings: (open: boolean) => void
  /** The instance is being destroyed. */
  destroy: () => void
  /** Something was held back or refused; each `kind` + `what` once per page view. */
  blocked: (entry: BlockedEntry) => void
}

/** What the blocker held back or refused (`consent.on('blocked')`, `consentry:blocked`). */
export interface BlockedEntry {
  /** A held element, a failed request, a refused cookie write or storage write (or database open). */
  kind: 'element' | 'request' | 'cookie' | 'storage'
  /** The URL, or the cookie, storage key or database name. */
  what: string
  /** The consent keys it needs that are not granted. */
  keys: string[]
}

export interface Consent {
  /** Current choices; all off but `necessary` until the visitor decides. */
  get(): Choices
  /** Is this category or service (`'analytics.hotjar'`) granted? */
  has(key: ConsentKey | string): boolean
  /** Has a valid decision for the current revision been stored? */
  readonly decided: boolean
  /** The validated configuration in use. */
  readonly config: NormalizedConfig
  /** Whether the Global Privacy Control signal is honoured on this page view. */
  readonly gpc: boolean
  /** Language the texts are shown in. */
  readonly language: string
  /** A decision was stored under another policy revision: it no longer counts, and the banner says why. */
  readonly revisionChanged: boolean
  acceptAll(): void
  rejectAll(): void
  /** Save a partial choice; keys left out keep their current value. */
  set(choices: Partial<Record<string, boolean>>): void
  /** Subscribe; returns the function that unsubscribes. */
  on<E extends keyof ConsentEvents>(event: E, listener: ConsentEvents[E]): () => void
  /**
   * Runs `run` once: now if `key` (a category or service) is granted, else at the moment it
   * becomes granted. A throw in `run` is logged, not passed on. Returns the function that
   * cancels it. The way to start an npm-bundled SDK: `consent.when('analytics', () => posthog.init(KEY))`.
   */
  when(key: ConsentKey | string, run: () => unknown): () => void
  showBanner(): void
  openSettings(): void
  closeSettings(): void
  /** Proof of consent, or null before a decision. */
  record(): ConsentRecord | null
  /** Forget the decision and ask again. */
  reset(): void
  /** Remove UI, observers, listeners and patches. */
  destroy(): void
}

/**
 * An add-on that the instance starts: the parts in `consentry/parts`, or your own. It
 * receives the live instance and returns its clean-up, called by `destroy()`.
 */
export type Feature = (consent: Consent) => (() => void) | void
