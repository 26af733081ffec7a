import Cookies from 'js-cookie'
import type { CookieConfig } from '../types'

export interface CookieJar {
  read(): string | undefined
  write(value: string): void
  remove(): void
}

/**
 * The decision's one first-party cookie, through a js-cookie instance configured once with the
 * cookie's attributes (`withAttributes`), so a write and the removal always name the same cookie.
 * The stored value is already cookie-safe (codec.ts), so js-cookie's encoding leaves it as it is.
 * Where the browser refuses cookies (disabled, a sandboxed frame, page code that broke
 * `document.cookie`), and in server-side rendering, every call still succeeds and the value
 * lives in memory for this page view.
 */
export function createCookieJar(options: CookieConfig, browser: boolean): CookieJar {
  let memory: string | undefined
  const { name, path, domain, sameSite, maxAgeDays } = options
  const cookies = Cookies.withAttributes({ path, domain, sameSite, secure: browser && location.protocol == 'https:' })
  const put = (value: string | undefined): void => {
    memory = value
    if (browser)
      try {
        if (value) cookies.set(name, value, { expires: maxAgeDays })
        else cookies.remove(name)
      } catch {}
  }
  return {
    read() {
      try {
        // js-cookie returns the first match: RFC 6265 §5.4 lists the longest path first.
        return (browser && cookies.get(name)) || memory
      } catch {
        return memory
      }
    },
    write: put,
    remove: () => put(undefined),
  }
}
