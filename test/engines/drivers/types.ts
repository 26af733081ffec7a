// The one interface the cross-engine suite drives: what a consent test needs from a browser,
// implemented over Playwright (Chromium), puppeteer-core over WebDriver BiDi (Firefox) and
// WebDriver classic (WebKitGTK's MiniBrowser).

export type EngineName = 'chromium' | 'firefox' | 'webkit'

/** A cookie as the browser stores it. `domain` starts with a dot for a domain (not host-only) cookie. */
export interface EngineCookie {
  name: string
  value: string
  domain: string
  path: string
}

/** The keys the suite presses. */
export type Key = 'Tab' | 'Shift+Tab' | 'Escape' | 'Enter' | 'Space'

export interface OpenOptions {
  /** @default { width: 1280, height: 800 } */
  viewport?: { width: number; height: number }
}

/**
 * One tab in a fresh profile (no cookies, no storage). Functions given to `evaluate` are sent
 * as source text: they see only their argument, never the test's closure.
 */
export interface EnginePage {
  /** Navigates and resolves once the page's `load` event has fired. */
  goto(url: string): Promise<void>
  /** A real reload (the browser's own, not `location.reload()` from the page); resolves after `load`. */
  reload(): Promise<void>
  /** Runs `fn(arg)` in the page's top frame; a returned promise is awaited. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>
  /** A real pointer click (move, press, release) at viewport coordinates. */
  click(x: number, y: number): Promise<void>
  /** A real key press sent to whatever has focus. */
  press(key: Key): Promise<void>
  /** The cookies the current page's URL would send (host-only and parent-domain ones). */
  cookies(): Promise<EngineCookie[]>
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>
  close(): Promise<void>
}

export interface Engine {
  readonly name: EngineName
  /** The browser's own version string, e.g. `firefox/153.8.0`. */
  readonly version: string
  open(options?: OpenOptions): Promise<EnginePage>
  close(): Promise<void>
}

/**
 * How each engine reaches the test sites: every `*.test` host (and 127.0.0.1) must arrive at
 * `port` on 127.0.0.1, where the shared test server logs it.
 */
export interface LaunchOptions {
  port: number
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 }
