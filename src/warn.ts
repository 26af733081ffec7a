const said = new Set<string>()

/** One console warning per distinct problem, prefixed so site owners can grep for it. */
export function warn(message: string): void {
  if (said.has(message)) return
  said.add(message)
  console.warn('[consentry] ' + message)
}
