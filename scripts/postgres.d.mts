/** The newest installed PostgreSQL server's bin directory, or null. */
export function postgresBin(): string | null
/** A throwaway PostgreSQL server on 127.0.0.1 and a free port; `stop()` stops it and deletes its data. */
export function startPostgres(options?: { fsync?: boolean }): Promise<{ url: string; dir: string; stop(): void }>
