/**
 * `npm run deploy -- --env <envId> [--dry-run] [--skip-build]`: bundles the functions and makes the
 * CloudBase environment hold what the repository declares (see docs/production.md). `--dry-run` prints
 * the plan and needs no credentials; `--skip-build` deploys the bundles as they are (the ones the
 * tests ran). Credentials and the functions' variables come from the environment.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildFunctions } from '../local-cloud/functions/build'
import { applyPlan } from './apply'
import { formatPlan } from './format'
import { CREDENTIAL_VARIABLES, connectManager } from './manager'
import { PlanError, planFromRepository, repositoryPaths } from './plan'

const REPO = path.resolve(__dirname, '..')

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { env: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-build': { type: 'boolean' } } })
  if (!values.env) {
    console.error('deploy: missing --env <envId> (the CloudBase environment id, e.g. npm run deploy -- --env prod-1a2b3c)')
    return 2
  }
  const paths = repositoryPaths(REPO)
  if (!values['skip-build']) await buildFunctions(paths.functionsRoot)
  const plan = planFromRepository(paths)
  if (values['dry-run']) {
    console.log(formatPlan(plan, values.env))
    console.log('\ndry run: nothing was changed')
    return 0
  }
  const declared = plan.functions.flatMap((fn) => fn.environment)
  const required = [...new Set(declared.filter((v) => !v.optional).map((v) => v.name))]
  const missing = [CREDENTIAL_VARIABLES.secretId, CREDENTIAL_VARIABLES.secretKey, ...required].filter((name) => !process.env[name])
  if (missing.length > 0) {
    console.error(`deploy: missing ${missing.join(', ')} in the environment (API keys and the functions' settings; see docs/production.md)`)
    return 1
  }
  const manager = await connectManager(values.env, process.env)
  const variables = Object.fromEntries(declared.flatMap(({ name }) => (process.env[name] ? [[name, process.env[name] as string]] : [])))
  const report = await applyPlan(plan, manager, {
    variables,
    stagingDir: path.join(REPO, '.cache', 'deploy', 'functions'),
    log: (line) => console.log(line),
  })
  console.log(report.changes.length > 0 ? `\n${report.changes.length} changes:\n${report.changes.map((c) => `  ${c}`).join('\n')}` : '\nnothing changed')
  for (const note of report.notes) console.log(`note: ${note}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof PlanError ? error.message : error)
    process.exit(1)
  },
)
