/** A random UUID v4; `crypto.randomUUID` exists only in secure contexts, hence the fallback. */
export function newId(): string {
  const c = typeof crypto != 'undefined' ? crypto : undefined
  if (c && c.randomUUID) return c.randomUUID()
  const bytes = new Uint8Array(16)
  if (c && c.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) | 0
  bytes[6] = (bytes[6]! & 15) | 64
  bytes[8] = (bytes[8]! & 63) | 128
  const hex = Array.from(bytes, (b) => (b + 256).toString(16).slice(1)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
