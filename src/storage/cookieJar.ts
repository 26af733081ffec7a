import type { CookieConfig } from '../types'

export interface CookieJar {
  read(): string | undefined
  write(value: string): void
  remove(): void
}

/**
 * The decision's one first-party cookie, written by hand: the stored value is already
 * cookie-safe (codec.ts), so no encoding is needed, and `config.cookie.name` is an RFC 6265
 * token. Where the browser refuses cookies (disabled, a sandboxed frame, page code that broke
 * `document.cookie`), and in server-side rendering, every call still succeeds and the value
 * lives in memory for this page view.
 */
export function createCookieJar(options: CookieConfig, browser: boolean): CookieJar {
  let memory: string | undefined
  const { name, path, domain, sameSite } = options
  const put = (value: string, days: number): void => {
    memory = days ? value : undefined
    if (browser)
      try {
        document.cookie = `${name}=${value};path=${path};max-age=${days * 86400}${domain ? ';domain=' + domain : ''};samesite=${sameSite}${location.protocol == 'https:' ? ';secure' : ''}`
      } catch {}
  }
  return {
    read() {
      if (browser)
        try {
          // RFC 6265 §5.4: the longest path comes first, so the first match is the most specific.
          for (const pair of document.cookie.split('; ')) if (pair.startsWith(name + '=')) return pair.slice(name.length + 1)
        } catch {}
      return memory
    },
    write: (value) => put(value, options.maxAgeDays),
    remove: () => put('', 0),
  }
}
