/** `sha384-<base64>` of `bytes`, as the `integrity` attribute takes it. */
export function integrity(bytes: Uint8Array | string): string
/** Every .js, .mjs and .cjs file under `dir`, as sorted `/`-separated paths relative to it. */
export function scriptsIn(dir: string): Promise<string[]>
/** The lines of SRI.txt for `dir`: `sha384-…  file`, one per script. */
export function sriLines(dir: string): Promise<string[]>
