import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './paths.js';
import { COPIES, type SourceFile, TASKS, type TaskEntryRecipe } from './recipe.js';
import type { SourcePackage } from './sources.js';

/** Verbatim Apache License 2.0 text, committed with this package. */
const APACHE_TEXT = join(packageDir, 'licenses', 'Apache-2.0.txt');

function describeSource(from: SourceFile, versions: Record<SourcePackage, string>): string {
  const where = from.packedIn ? ` (packed in \`${from.packedIn}.data\`)` : '';
  return `\`${from.pkg}@${versions[from.pkg]}\`: \`${from.file}\`${where}`;
}

function describeChange(e: TaskEntryRecipe): string {
  const changes: string[] = [];
  if (e.refineFace) {
    changes.push(
      'graph extended with 478-landmark refinement (FULLY_CONNECTED, CONCATENATION, GATHER)',
    );
  }
  if (e.normalization) {
    const { mean, std } = e.normalization;
    changes.push(`TFLite Model Metadata added (input normalisation mean ${mean}, std ${std})`);
  }
  return changes.length ? changes.join('; ') : 'unchanged';
}

/**
 * Text of `LICENSES.md`: Apache-2.0 attribution for every asset, the modifications made
 * (Apache-2.0 §4(b) asks modified files to say so), and the full licence text.
 */
export function licensesMarkdown(versions: Record<SourcePackage, string>): string {
  const rows: string[] = [];
  for (const task of TASKS) {
    for (const e of task.entries) {
      const source = describeSource(e.from, versions);
      rows.push(`| \`${task.file}\` → \`${e.name}\` | ${source} | ${describeChange(e)} |`);
    }
  }
  const tv = `@mediapipe/tasks-vision@${versions['@mediapipe/tasks-vision']}`;
  for (const c of COPIES) rows.push(`| \`${c.to}\` | \`${tv}\`: \`${c.from}\` | unchanged |`);
  return [
    '# Licences of these assets',
    '',
    'Every file in this folder is, or is derived from, Google MediaPipe (Copyright The MediaPipe',
    'Authors / Google LLC), distributed on npm under the Apache License, Version 2.0. The `.task`',
    'files are zips of models built offline by `@fittingroom/models`; the models inside were',
    'modified as listed below. No file was downloaded from a model hub.',
    '',
    '| asset | source | changes |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'MediaPipe: https://github.com/google-ai-edge/mediapipe',
    '',
    '## Apache License, Version 2.0',
    '',
    '```text',
    readFileSync(APACHE_TEXT, 'utf8').trimEnd(),
    '```',
    '',
  ].join('\n');
}
