#!/usr/bin/env node
// `npx fittingroom-server`: the reference ingest server, from its compiled JavaScript (no
// TypeScript loader at run time). Every setting is an environment variable; `--help` lists them
// from this package's README, their one written source.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);

/** Markdown cell → terminal text (no backticks or emphasis; `—` means no default). */
const plain = (cell) =>
  cell
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(^|\s)_(\S.*?\S)_(?=\s|$)/g, '$1$2')
    .replace(/^\s*—\s*$/, '')
    .trim();

/** The rows of the README's settings table: `| \`VARIABLE\` | default | meaning |`. */
function settings() {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Settings$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^\|\s*`([A-Z0-9_]+)`\s*\|([^|]*)\|(.*)\|\s*$/.exec(line))
    .filter((match) => match !== null)
    .map(([, name, fallback, meaning]) => ({
      name,
      fallback: plain(fallback),
      meaning: plain(meaning),
    }));
}

function help() {
  const rows = settings();
  const width = Math.max(...rows.map((row) => row.name.length));
  const lines = rows.map(
    (row) =>
      `  ${row.name.padEnd(width)}  ${row.meaning}${row.fallback ? ` (default: ${row.fallback})` : ''}`,
  );
  return [
    'Usage: fittingroom-server',
    '',
    'Starts the Fitting Room ingest server. Settings are environment variables; with',
    'NODE_ENV=production, FR_PUBLISHABLE_KEYS, FR_ALLOWED_ORIGINS and FR_ENCRYPTION_KEY are required.',
    'A bad setting exits with status 2 and "Configuration error: VARIABLE: what is wrong".',
    '',
    'Settings:',
    ...lines,
    '',
  ].join('\n');
}

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(help());
} else if (args.length > 0) {
  process.stderr.write(
    `Unknown argument: ${args[0]} (settings are environment variables; see --help)\n`,
  );
  process.exit(2);
} else {
  await import('../dist/main.js');
}
