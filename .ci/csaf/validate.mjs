// Runs the official CSAF validator library (@secvisogram/csaf-validator-lib, BSI) over every CSAF document
// the tests wrote to target/csaf/ (advisories and Cabinet Office notices): the CSAF 2.0 schema and the
// mandatory tests (CSAF 2.0 §6.1) must pass; the optional ("recommended") tests (§6.2) are reported as
// warnings. The informative tests (§6.3) are not run: some need network access or hunspell.
// Usage: node .ci/csaf/validate.mjs [directory]   (exit 1 on a mandatory failure or when no document is found)
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import * as schema from '@secvisogram/csaf-validator-lib/schemaTests.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import * as optional from '@secvisogram/csaf-validator-lib/optionalTests.js'

const dir = resolve(process.argv[2] ?? 'target/csaf')
let files
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
} catch (e) {
  console.error(`csaf-validate: cannot read ${dir}: ${e.message}`)
  process.exit(1)
}
if (files.length === 0) {
  console.error(`csaf-validate: no CSAF documents in ${dir} (the tests write them there)`)
  process.exit(1)
}

const mandatoryTests = [schema.csaf_2_0, ...Object.values(mandatory)]
const optionalTests = Object.values(optional)
let failedDocs = 0
let mandatoryFailures = 0
let warnings = 0
const warningsByTest = new Map()

for (const file of files) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  const m = await validateStrict(mandatoryTests, doc)
  const failed = m.tests.filter((t) => !t.isValid || t.errors.length > 0)
  if (failed.length > 0) {
    failedDocs++
    for (const t of failed) {
      for (const e of t.errors) {
        mandatoryFailures++
        console.log(`FAIL ${file} ${t.name} ${e.instancePath}: ${e.message}`)
      }
    }
  }
  const o = await validateStrict(optionalTests, doc)
  for (const t of o.tests) {
    for (const w of [...t.warnings, ...t.errors]) {
      warnings++
      warningsByTest.set(t.name, (warningsByTest.get(t.name) ?? 0) + 1)
      console.log(`warn ${file} ${t.name} ${w.instancePath}: ${w.message}`)
    }
  }
}

console.log(`csaf-validate: ${files.length} documents, ${mandatoryTests.length} schema/mandatory tests each: `
  + `${files.length - failedDocs} passed, ${failedDocs} failed (${mandatoryFailures} mandatory failures); `
  + `${warnings} warnings from ${optionalTests.length} optional (recommended) tests`
  + (warningsByTest.size ? ' (' + [...warningsByTest].map(([k, v]) => `${k}: ${v}`).join(', ') + ')' : ''))
process.exit(failedDocs > 0 ? 1 : 0)
