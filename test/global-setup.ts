import path from 'node:path'
import { buildFunctions } from '../local-cloud/functions/build'
import { DEFAULT_FUNCTIONS } from '../local-cloud/server'

/** Bundles the shop's cloud functions and the test fixtures once, before any test file starts. */
export default async function setup(): Promise<void> {
  await buildFunctions(DEFAULT_FUNCTIONS)
  await buildFunctions(path.join(__dirname, 'fixtures/cloudfunctions'))
}
