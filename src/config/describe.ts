/** Names a received value for a warning: `number 5`, `string "x"`, `array`, `null`. */
export function describe(value: unknown): string {
  const type = typeof value
  return value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : type == 'string'
        ? 'string ' + JSON.stringify((value as string).length > 40 ? (value as string).slice(0, 40) + '…' : value)
        : type == 'number' || type == 'boolean'
          ? type + ' ' + value
          : type
}
