/** 32-bit FNV-1a in base 36: short and stable; detects change, proves nothing against a forger. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193)
  return (h >>> 0).toString(36)
}
