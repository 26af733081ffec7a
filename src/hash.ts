/** 32-bit FNV-1a in base 36: short and stable; detects change, proves nothing against a forger. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193)
  return (hash >>> 0).toString(36)
}
