// A throwaway PostgreSQL server for the receiver's tests and bench: Debian's binaries
// (/usr/lib/postgresql/<version>/bin), a data directory under a temp dir, a private port,
// trust auth on 127.0.0.1 only. PostgreSQL refuses to run as root, so as root it runs as
// the `postgres` system user (which Debian's package creates).
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The newest installed server's bin directory, or null. */
export function postgresBin() {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest ? join(root, newest, 'bin') : null
}

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })

/**
 * Starts a server and resolves to `{ url, dir, stop() }`. `fsync: false` trades durability
 * against a machine crash for speed (tests); the bench keeps it on.
 */
export async function startPostgres({ fsync = false } = {}) {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql')
  const dir = mkdtempSync(join(tmpdir(), 'consentry-pg-'))
  const asRoot = process.getuid?.() === 0
  let user = []
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    if (id.status !== 0)
      throw new Error('running as root needs the postgres system user (apt-get install -y postgresql)')
    const uid = Number(id.stdout.trim())
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim())
    chownSync(dir, uid, gid)
    user = ['runuser', '-u', 'postgres', '--']
  }
  const run = (tool, args) => {
    const [command, ...rest] = [...user, join(bin, tool), ...args]
    return execFileSync(command, rest, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'consentry', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const port = await freePort()
  const settings = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=${dir}`,
    `-c fsync=${fsync ? 'on' : 'off'}`,
  ]
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings.join(' '), '-w', '-t', '60', 'start'])
  let stopped = false
  return {
    url: `postgres://consentry@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
