/** The attributes that name one cookie besides its name: js-cookie's `path` and `domain`. */
export interface CookiePlace {
  path: string
  domain?: string
}

/**
 * Every `path` and `domain` pair a cookie that this page can see may have been
 * written with: host-only and each parent domain (RFC 6265 §5.1.3; the browser
 * refuses a public suffix by itself, so no list of them is needed), and `/` plus
 * every prefix of the current path with and without its trailing slash (§5.1.4).
 * A cookie is replaced only by one with the same name, domain and path (§5.3).
 */
export function cookieVariants(host: string, path: string): CookiePlace[] {
  const domains: (string | undefined)[] = [undefined]
  // IP addresses take no Domain attribute.
  if (!/^[\d.]+$|:/.test(host)) {
    for (let rest = host; rest.includes('.'); rest = rest.slice(rest.indexOf('.') + 1)) domains.push(rest)
  }
  const paths = new Set(['/', path])
  for (let i = 1; i < path.length; i++) if (path[i] == '/') paths.add(path.slice(0, i)).add(path.slice(0, i + 1))
  return [...paths].flatMap((path) => domains.map((domain) => ({ path, domain })))
}
