// Size budgets of what a shopper downloads, measured on the built folder (gzip level 9):
//   before the click:   the loader alone                                  ≤ 5 KB
//   before consent:     the loader + the SDK entry and its static imports ≤ 20 KB
// (the ML worker, tasks-vision, wasm and models load only after camera consent and are not
// counted; the page itself is the retailer's). Exits 1 when a budget is exceeded.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1024;
// Targets (issue 7): loader ≤ 5 KB, before consent ≤ 20 KB (English; another language adds its
// dictionary, 1.4–1.8 KB, loaded on demand).
const TARGETS = { beforeClick: 5 * KB, beforeConsent: 20 * KB };
const BUDGETS = TARGETS;

const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** Relative specifiers a module imports statically (`import … from`, `export … from`, bare `import '…'`). */
function staticImports(source) {
  const specifiers = [];
  const pattern =
    /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) {
    if (match[1].startsWith('.')) specifiers.push(match[1]);
  }
  return specifiers;
}

/** Every file the entry pulls in before any dynamic `import()` (entry included). */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(dist, file), 'utf8');
    for (const spec of staticImports(source)) visit(posix.join(posix.dirname(file), spec));
  };
  visit(entry);
  return [...seen];
}

if (!existsSync(join(dist, 'fittingroom-loader.js'))) {
  console.error(`✖ ${dist}/fittingroom-loader.js not found: run the embed build first.`);
  process.exit(1);
}

const loader = gz('fittingroom-loader.js');
const sdkFiles = staticGraph('fittingroom/tryon.js');
const sdk = sdkFiles.reduce((sum, file) => sum + gz(file), 0);
const rows = [
  ['before click (loader)', loader, BUDGETS.beforeClick],
  [`before consent (loader + ${sdkFiles.join(', ')})`, loader + sdk, BUDGETS.beforeConsent],
];
let failed = false;
for (const [what, bytes, budget] of rows) {
  const ok = bytes <= budget;
  failed ||= !ok;
  const kb = (n) => `${(n / KB).toFixed(2)} KB`;
  console.log(`${ok ? '✓' : '✖'} ${what}: ${kb(bytes)} gzip (budget ${kb(budget)})`);
}
const overTarget = loader + sdk - TARGETS.beforeConsent;
if (overTarget > 0)
  console.log(`  (before consent is ${(overTarget / KB).toFixed(2)} KB over the 20 KB target)`);
process.exit(failed ? 1 : 0);
