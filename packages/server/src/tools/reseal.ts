// `pnpm --filter @fittingroom/server reseal`: re-seals every upload under the current key
// (the first of FR_ENCRYPTION_KEYS), with the server's own environment. Prints a summary and
// exits 1 if any object could not be read.
import { loadConfig } from '../config.js';
import { withDevKey } from '../config-keys.js';
import { createContext } from '../context.js';
import { connectShared } from '../coordination/shared.js';
import { resealUploads } from '../reseal.js';
import { openStorage } from '../storage/index.js';

const config = await withDevKey(loadConfig(process.env).config);
// With FR_REDIS_URL, take the running servers' locks and flights, so an erasure or an upload
// on any instance and a re-seal never interleave.
const shared = config.redisUrl
  ? await connectShared(config.redisUrl, (error) => {
      process.stderr.write(`redis: ${error.message}\n`);
    })
  : null;
const storage = await openStorage(config);
const ctx = createContext(config, { storage, coordination: shared?.coordination });
const report = await resealUploads(ctx, (key, error) => {
  process.stderr.write(
    `cannot re-seal ${key}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
});
await storage.close();
await shared?.close();
process.stdout.write(
  `re-sealed ${report.resealed}, already current ${report.current}, unreadable ${report.failed}\n`,
);
process.exitCode = report.failed > 0 ? 1 : 0;
