// Lints every .cypher file in a directory with Neo4j's own Cypher parser (@neo4j-cypher/language-support).
// Usage: node lint.mjs <dir> <schema.json>
//   schema.json: {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]} written by the xunit test
//   from Core's GraphSchema, so an unknown label, type or property is reported against the real model.
// Parameters a statement uses must be declared in its header comment ("//   $name: ..."), so the header a user
// reads in Neo4j Browser cannot drift from the statement.
// Prints one line per finding and exits 1 when any is an error or names an unknown label, type or property.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const [dir, schemaFile] = process.argv.slice(2);
if (!dir || !schemaFile) {
  console.error('usage: node lint.mjs <dir> <schema.json>');
  process.exit(2);
}
const model = JSON.parse(readFileSync(schemaFile, 'utf8'));
const ERROR = 1;
const unknownName = /is not present in the database/;

// schema.cypher holds several statements; the others hold one each.
function statementsOf(text) {
  const withoutComments = text.split('\n').map((line) => (line.trimStart().startsWith('//') ? '' : line)).join('\n');
  return withoutComments.split(/;\s*(?:\n|$)/).map((s) => s.trimEnd()).filter((s) => s.trim().length > 0);
}

function declaredParameters(text) {
  const parameters = {};
  for (const line of text.split('\n')) {
    const match = /^\s*\/\/\s*\$(\w+)\s*:/.exec(line);
    if (match) parameters[match[1]] = null;
  }
  return parameters;
}

let failed = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
if (files.length === 0) {
  console.log(`${dir}: no .cypher files`);
  process.exit(1);
}
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8');
  const schema = { ...model, parameters: declaredParameters(text) };
  const statements = statementsOf(text);
  if (statements.length === 0) {
    console.log(`${file}: error: no statement`);
    failed++;
  }
  if (statements.length > 1 && file !== 'schema.cypher') {
    console.log(`${file}: error: ${statements.length} statements; one statement per file`);
    failed++;
  }
  for (const statement of statements) {
    for (const d of lintCypherQuery(statement, schema).diagnostics) {
      const bad = d.severity === ERROR || unknownName.test(d.message);
      if (bad) failed++;
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      console.log(`${file}:${where}: ${bad ? 'error' : 'warning'}: ${d.message}`);
    }
  }
}
console.log(`${files.length} files, ${failed} problem(s)`);
process.exit(failed === 0 ? 0 : 1);
