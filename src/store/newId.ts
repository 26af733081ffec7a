/**
 * A random UUID v4. From `crypto.getRandomValues`, which (unlike `crypto.randomUUID`) exists in
 * insecure contexts too, so one path serves every page; `Math.random` where crypto is missing.
 */
export function newId(): string {
  const api = typeof crypto != 'undefined' ? crypto : undefined
  const random = () =>
    api && api.getRandomValues ? api.getRandomValues(new Uint8Array(1))[0]! : (Math.random() * 256) | 0
  // Each 0 becomes a random hex digit, each 1 too, each 8 one of 8–b (the RFC 9562 variant); the 4 is the version.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (random() & (15 >> (+digit >> 2)))).toString(16),
  )
}
