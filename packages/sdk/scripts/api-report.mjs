#!/usr/bin/env node
// The API report of @fittingroom/sdk: one API Extractor report per package.json export, committed
// in packages/sdk/api/. `node packages/sdk/scripts/api-report.mjs` (the test command) fails when
// the built declarations differ from the committed reports, so any change to the public surface
// is a visible diff; `--update` rewrites the reports after a deliberate change.
// Needs the SDK built (`dist/*.d.ts`).
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
} from '@microsoft/api-extractor';

const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'));
const reportFolder = join(sdk, 'api');
const tempFolder = join(tmpdir(), 'fittingroom-api-report');
mkdirSync(reportFolder, { recursive: true });
mkdirSync(tempFolder, { recursive: true });

/** `.` → `sdk`, `./consent` → `sdk-consent`: the report's file name. */
const reportName = (subpath) => (subpath === '.' ? 'sdk' : `sdk-${subpath.slice(2)}`);

const entries = Object.entries(pkg.exports).filter(([, target]) => target?.types);
const typesOf = (target) => join(sdk, target.types);

function configFor(subpath, target) {
  const name = reportName(subpath);
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: sdk,
      mainEntryPointFilePath: typesOf(target),
      compiler: {
        overrideTsconfig: {
          compilerOptions: { strict: true, lib: ['es2022', 'dom', 'dom.iterable'], types: [] },
          files: entries.map(([, t]) => typesOf(t)),
        },
      },
      apiReport: {
        enabled: true,
        reportFolder,
        reportTempFolder: tempFolder,
        reportFileName: `${name}.api.md`,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        // Every type a signature mentions must be exported from the same entry.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None },
          'ae-forgotten-export': { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: join(sdk, 'api-extractor.json'),
    packageJsonFullPath: join(sdk, 'package.json'),
  });
}

// One TypeScript program for every entry (the DOM types are parsed once, not once per entry).
const configs = entries.map(([subpath, target]) => [subpath, configFor(subpath, target)]);
const compilerState = CompilerState.create(configs[0][1], {
  additionalEntryPoints: configs.map(([, config]) => config.mainEntryPointFilePath),
});
let failed = 0;
for (const [subpath, config] of configs) {
  const name = reportName(subpath);
  const result = Extractor.invoke(config, { localBuild: update, compilerState });
  const changed = result.apiReportChanged && !update;
  if (!result.succeeded || changed) {
    failed += 1;
    console.error(
      `✖ ${subpath}: the public API differs from api/${name}.api.md` +
        ' (review, then run node packages/sdk/scripts/api-report.mjs --update)',
    );
  } else console.log(`✓ ${subpath}: api/${name}.api.md`);
}
process.exit(failed === 0 ? 0 : 1);
