/** Names a received value for a warning: `number 5`, `string "x"`, `array`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value == 'string') return 'string ' + JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value == 'number' || typeof value == 'boolean') return typeof value + ' ' + value
  return typeof value
}
