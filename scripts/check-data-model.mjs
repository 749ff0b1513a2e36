#!/usr/bin/env node
// Fails when docs/data-model.md and the collections in firestore.rules and the code disagree
// (scripts/lib/data-model.mjs says what counts). Part of `npm test` (static layer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/emulators.mjs';
import { compareDataModel, documentedCollections, rulesCollections, scanCode } from './lib/data-model.mjs';

const problems = compareDataModel({
  rules: rulesCollections(readFileSync(join(ROOT, 'firestore.rules'), 'utf8')),
  code: scanCode(ROOT),
  documented: documentedCollections(readFileSync(join(ROOT, 'docs', 'data-model.md'), 'utf8')),
});
if (problems.length > 0) {
  console.error('docs/data-model.md is out of date:');
  for (const p of problems) console.error(`  - ${p}`);
  console.error('Add (or remove) a heading like ### `collection/{id}` with its fields, readers and writers.');
  process.exit(1);
}
console.log('docs/data-model.md describes every collection in firestore.rules and the code.');
