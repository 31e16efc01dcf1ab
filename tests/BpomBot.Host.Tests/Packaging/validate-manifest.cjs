// Validates a Teams app manifest against the official JSON schema shipped in the pinned npm package
// @microsoft/app-manifest (see package.json), using that package's own validator (ajv, draft-04). Offline:
// the schema is read from node_modules, never downloaded.
//
// Usage: node validate-manifest.cjs <manifest.json>
// Exit codes: 0 valid; 1 invalid (one error per line on stdout); 3 set-up problem (message on stderr).
"use strict";
const fs = require("fs");
const path = require("path");

function fail(message) {
  console.error(message);
  process.exit(3);
}

const manifestPath = process.argv[2];
if (!manifestPath) fail("usage: node validate-manifest.cjs <manifest.json>");

let packageDir;
let AppManifestUtils;
try {
  packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  ({ AppManifestUtils } = require("@microsoft/app-manifest"));
} catch (error) {
  fail(`@microsoft/app-manifest is not installed (${error.code || error.message}): run 'npm ci --no-audit --no-fund' at the repository root.`);
}

const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8").replace(/^\uFEFF/, ""));
const match = /\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema || "");
if (!match) fail(`$schema '${manifest.$schema}' is not a Teams manifest schema URL.`);

const schemaPath = path.join(packageDir, "build", "json-schemas", "teams", match[1], "MicrosoftTeams.schema.json");
if (!fs.existsSync(schemaPath)) fail(`the installed @microsoft/app-manifest has no schema ${match[1]} (${schemaPath}).`);

// Same clean-up the package applies when it loads a schema ("\a" and "\v" are not JSON escapes).
const schemaText = fs.readFileSync(schemaPath, "utf8").replace(/^\uFEFF/, "").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
const schema = JSON.parse(schemaText);

AppManifestUtils.validateAgainstSchema(manifest, schema).then(
  (errors) => {
    const version = require(path.join(packageDir, "package.json")).version;
    if (errors.length === 0) {
      console.log(`valid: ${match[1]} schema from @microsoft/app-manifest@${version}`);
      process.exit(0);
    }
    errors.forEach((e) => console.log(e));
    process.exit(1);
  },
  (error) => fail(`validator failed: ${error.message}`));
