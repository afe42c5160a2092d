import { describeIndex, describeRule, permissionOf } from './apply'
import type { DeployPlan } from './plan'

/** The plan as an operator reads it before anything changes: every collection, index, rule, function and trigger. */
export function formatPlan(plan: DeployPlan, envId: string): string {
  const lines = [`Everyshop deploy plan for CloudBase environment ${envId}`, '']
  lines.push(`Collections (${plan.collections.length}): created if missing, indexes made to match (undeclared ones dropped), security rule applied`)
  for (const collection of plan.collections) {
    lines.push(`  ${collection.name}`)
    lines.push(`    rule ${permissionOf(collection.rule).permission}: ${describeRule(collection.rule)}`)
    for (const index of collection.indexes) lines.push(`    index ${index.name}: ${describeIndex(index)}`)
    if (collection.indexes.length === 0) lines.push('    no index but _id')
  }
  lines.push('')
  lines.push(`Functions (${plan.functions.length}): index.js (bundled), package.json (what the cloud installs: wx-server-sdk and any package the bundle leaves out), config.json`)
  for (const fn of plan.functions) {
    lines.push(`  ${fn.name}: ${fn.runtime}, handler ${fn.handler}, timeout ${fn.timeoutSeconds} s, code ${fn.codeSha256.slice(0, 16)}`)
    for (const file of fn.files) lines.push(`    file ${file.name}: ${file.bytes.toLocaleString('en-US')} bytes`)
    for (const variable of fn.environment) lines.push(`    environment ${variable.name}${variable.optional ? ' (optional)' : ''}: ${variable.meaning}`)
    if (fn.httpAccessPath) lines.push(`    HTTP access: ${fn.httpAccessPath}`)
    for (const trigger of fn.triggers) lines.push(`    trigger ${trigger.name}: ${trigger.type} "${trigger.config}"`)
    if (fn.openapi.length > 0) lines.push(`    open APIs: ${fn.openapi.join(', ')}`)
  }
  return lines.join('\n')
}
