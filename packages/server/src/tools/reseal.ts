// `pnpm --filter @fittingroom/server reseal`: re-seals every upload, subject and consent record
// under the current key (the first of FR_ENCRYPTION_KEYS), with the server's own environment.
// Prints a summary and exits 1 if any object could not be read.
import { loadConfig } from '../config.js';
import { withDevKey } from '../config-keys.js';
import { createContext } from '../context.js';
import { connectShared } from '../coordination/shared.js';
import { resealRecords, resealUploads } from '../reseal.js';
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
const onFailure = (key: string, error: unknown): void => {
  process.stderr.write(
    `cannot re-seal ${key}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
};
const uploads = await resealUploads(ctx, onFailure);
const records = await resealRecords(ctx, onFailure);
const report = {
  resealed: uploads.resealed + records.resealed,
  current: uploads.current + records.current,
  failed: uploads.failed + records.failed,
};
await storage.close();
await shared?.close();
process.stdout.write(
  `re-sealed ${report.resealed}, already current ${report.current}, unreadable ${report.failed} (uploads ${uploads.resealed}, records ${records.resealed} re-sealed)\n`,
);
process.exitCode = report.failed > 0 ? 1 : 0;
