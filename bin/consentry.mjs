#!/usr/bin/env node
// The `consentry` command: each subcommand lives in its own module under dist/cli/.
const commands = {
  config: 'print a ready config block for catalogue vendors',
  scan: 'check a site for what it requests and stores before consent',
  receive: 'store consent records in PostgreSQL (embedded PGlite or a server)',
}
const [name, ...args] = process.argv.slice(2)
if (!name || !Object.hasOwn(commands, name)) {
  const list = Object.entries(commands).map(([command, what]) => `  consentry ${command.padEnd(8)} ${what}`)
  console.error(
    `Usage: consentry <command> [options]\n\n${list.join('\n')}\n\nRun a command with --help for its options.`,
  )
  process.exit(name === '--help' || name === '-h' ? 0 : 2)
}
const { main } = await import(new URL(`../dist/cli/${name}.mjs`, import.meta.url).href)
process.exitCode = await main(args)
