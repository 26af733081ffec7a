// Second-level labels under which registries sell names (example.co.uk): the site is then the
// last three labels. A heuristic instead of the Public Suffix List, which would be the command's
// only dependency; docs/scanner.md says so.
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'ltd', 'me', 'net', 'nic', 'or', 'org', 'plc', 'sch'])

/** The site a host belongs to: `www.shop.example.com` → `example.com`; an IP address is its own site. */
export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (/^[\d.]+$/.test(name) || name.includes(':')) return name
  const labels = name.split('.')
  const [second = '', top = ''] = labels.slice(-2)
  const count = labels.length > 2 && top.length == 2 && SECOND_LEVEL.has(second) ? 3 : 2
  return labels.slice(-count).join('.')
}

/** `url` with the query's values emptied and no fragment: what a report may show without personal data. */
export function withoutQueryValues(url: string): string {
  const parsed = new URL(url)
  const names = [...parsed.searchParams.keys()]
  parsed.hash = ''
  parsed.search = names.length ? '?' + names.map((name) => encodeURIComponent(name) + '=').join('&') : ''
  return parsed.href
}
