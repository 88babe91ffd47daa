// `pnpm --filter @fittingroom/server audit:verify`: checks the audit log's hash chain (see
// src/audit-chain.ts for what that proves) with the server's own environment and keys. Prints
// each chain and every problem; exits 1 when there is one. On the filesystem adapter it reads
// DATA_DIR/audit.log without opening the store, so it is safe next to a running server.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { verifyChain } from '../audit-chain.js';
import { loadConfig } from '../config.js';
import { withDevKey } from '../config-keys.js';
import { createKeyRing } from '../keyring.js';
import { openStorage } from '../storage/index.js';

const config = await withDevKey(loadConfig(process.env).config);
let lines: string[];
if (config.storage.kind === 'fs') {
  const text = await readFile(path.join(config.dataDir, 'audit.log'), 'utf8');
  lines = text.split('\n').filter((line) => line !== '');
} else {
  const storage = await openStorage(config);
  lines = await storage.readAudit();
  await storage.close();
}
const verdict = verifyChain(lines, createKeyRing(config.encryptionKeys).all);
for (const chain of verdict.chains) {
  process.stdout.write(
    `chain ${chain.chain}: ${chain.lines} lines, last seq ${chain.lastSeq} at ${chain.lastAt ?? '?'}\n`,
  );
}
for (const { line, problem } of verdict.problems)
  process.stdout.write(`line ${line}: ${problem}\n`);
process.stdout.write(verdict.ok ? `ok: ${lines.length} lines verified\n` : 'FAILED\n');
process.exitCode = verdict.ok ? 0 : 1;
