/**
 * `npm run bench`: every bench, one after another, then one table of all their figures with the
 * machine they ran on, also written to test-artifacts/bench.json so two runs can be compared.
 * `npm run bench -- --quick` runs each on a small load (minutes, not tens of minutes). Timings on a
 * shared machine are noisy; compare runs made on the same machine at a quiet moment.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Figure } from './figures'

const REPO = path.resolve(__dirname, '../..')
const quick = process.argv.includes('--quick')

/** Each bench, and the smaller load it runs with under --quick. */
const BENCHES: Array<{ file: string; quick: Record<string, string> }> = [
  { file: 'database-bench.ts', quick: { BENCH_N: '300' } },
  { file: 'place-order-bench.ts', quick: { BENCH_ORDERS: '40', BENCH_CPU_ORDERS: '30' } },
  { file: 'settlement-bench.ts', quick: { BENCH_ORDERS: '5000', BENCH_SHOPS: '100' } },
  { file: 'big-store-bench.ts', quick: { BENCH_DOCS: '100000' } },
  { file: 'dashboard-bench.ts', quick: { BENCH_SIZES: '10000', BENCH_RUNS: '7' } },
  { file: 'start-bench.ts', quick: {} },
]

function main(): void {
  const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'figures.jsonl')
  const failed: string[] = []
  for (const bench of BENCHES) {
    console.log(`\n== ${bench.file}${quick ? ' (quick)' : ''}`)
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, bench.file)], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, TENCENTCLOUD: 'true', BENCH_FIGURES: figuresFile, ...(quick ? bench.quick : {}) },
    })
    if (run.status !== 0) failed.push(bench.file)
  }
  const figures: Figure[] = fs.existsSync(figuresFile)
    ? fs.readFileSync(figuresFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
    : []
  const machine = {
    cpus: `${os.cpus().length} × ${os.cpus()[0].model}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  }
  const width = Math.max(...figures.map((f) => `${f.bench}: ${f.name}`.length), 10)
  console.log(`\nmachine: ${machine.cpus}, ${machine.memoryGb} GB, load ${machine.loadAverage.join(' ')}, node ${machine.node}${quick ? '; quick run' : ''}`)
  for (const f of figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(1)
    console.log(`${`${f.bench}: ${f.name}`.padEnd(width)}  ${value.padStart(10)} ${f.unit}`)
  }
  if (failed.length > 0) console.log(`benches that failed: ${failed.join(', ')}`)
  const out = path.join(REPO, 'test-artifacts/bench.json')
  fs.mkdirSync(path.dirname(out), { recursive: true })
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), quick, machine, figures, failed }, null, 2)}\n`)
  console.log(`written to ${path.relative(REPO, out)}`)
  process.exit(failed.length > 0 ? 1 : 0)
}

main()
