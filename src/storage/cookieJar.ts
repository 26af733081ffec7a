import Cookies from 'js-cookie'
import type { CookieConfig } from '../types'

export interface CookieJar {
  read(): string | undefined
  write(value: string): void
  remove(): void
}

/**
 * The decision's one first-party cookie. Where the browser refuses cookies (disabled,
 * a sandboxed frame, page code that broke `document.cookie`) every call still succeeds
 * and the value lives in memory for this page view.
 */
export function createCookieJar(options: CookieConfig): CookieJar {
  let memory: string | undefined
  const attributes = () => ({
    path: options.path,
    domain: options.domain,
    sameSite: options.sameSite,
    secure: location.protocol == 'https:',
  })
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work()
    } catch {
      return undefined
    }
  }
  return {
    read: () => attempt(() => Cookies.get(options.name)) ?? memory,
    write(value) {
      memory = value
      attempt(() => Cookies.set(options.name, value, { ...attributes(), expires: options.maxAgeDays }))
    },
    remove() {
      memory = undefined
      attempt(() => Cookies.remove(options.name, attributes()))
    },
  }
}
