import type { Parameters } from 'fast-check'

/**
 * Options for every `fc.assert` in the fuzz tests. A failure's message carries the seed
 * and path fast-check used (`{ seed: 123, path: "4:1", endOnFailure: true }`); replay it with
 * `FUZZ_SEED=123 FUZZ_PATH=4:1 npx vitest run test/security/fuzzCookie.test.ts`.
 */
export function fuzzRuns<T>(numRuns: number): Parameters<T> {
  const { FUZZ_SEED: seed, FUZZ_PATH: path } = process.env
  return { numRuns, ...(seed && { seed: Number(seed) }), ...(path && { path }) }
}
