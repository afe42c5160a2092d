import { buildFunctions } from './functions/build'
import { DEFAULT_FUNCTIONS } from './server'

buildFunctions(DEFAULT_FUNCTIONS, process.argv.slice(2).length ? process.argv.slice(2) : undefined).then(
  (names) => console.log(`built ${names.length} cloud functions: ${names.join(', ')}`),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
