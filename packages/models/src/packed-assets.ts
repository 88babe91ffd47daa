/** One file inside an Emscripten packed-assets `.data` blob. */
export interface PackedAsset {
  /** Path as packed, e.g. `/third_party/mediapipe/modules/palm_detection/palm_detection_full.tflite`. */
  filename: string;
  start: number;
  end: number;
}

/** The file table of an Emscripten `*_packed_assets_loader.js`. */
export interface PackedAssetTable {
  files: PackedAsset[];
  /** Size of the `.data` blob the table describes. */
  packageSize: number;
}

function isAsset(v: unknown): v is PackedAsset {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.filename === 'string' &&
    Number.isSafeInteger(r.start) &&
    Number.isSafeInteger(r.end) &&
    (r.start as number) >= 0 &&
    (r.end as number) >= (r.start as number)
  );
}

/** The JSON object literal passed to `loadPackage(`, found by matching braces outside strings. */
function loadPackageArgument(js: string): string {
  const call = 'loadPackage({';
  const at = js.indexOf(call);
  if (at < 0) throw new Error('packed assets: no loadPackage({...}) call found');
  const start = at + call.length - 1;
  let depth = 0;
  let inString = false;
  for (let i = start; i < js.length; i++) {
    const c = js[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return js.slice(start, i + 1);
  }
  throw new Error('packed assets: unterminated loadPackage({...}) call');
}

/**
 * Parses the `loadPackage({"files": [...], "remote_package_size": N, ...})` call that
 * Emscripten's file packager writes into the loader JS. Throws if it is missing or inconsistent,
 * so a changed package fails the build instead of yielding garbage models.
 */
export function parsePackedAssetLoader(js: string): PackedAssetTable {
  const parsed: unknown = JSON.parse(loadPackageArgument(js));
  const obj = parsed as { files?: unknown; remote_package_size?: unknown };
  const { files, remote_package_size: packageSize } = obj;
  if (!Array.isArray(files) || !files.every(isAsset)) {
    throw new Error('packed assets: malformed file table');
  }
  if (typeof packageSize !== 'number' || !Number.isSafeInteger(packageSize)) {
    throw new Error('packed assets: malformed remote_package_size');
  }
  const table = files.map(({ filename, start, end }) => ({ filename, start, end }));
  for (const f of table) {
    if (f.end > packageSize) throw new Error(`packed assets: ${f.filename} ends past the blob`);
  }
  return { files: table, packageSize };
}

/** Returns the bytes of the packed file whose base name is `name` (a copy). */
export function extractPackedAsset(
  table: PackedAssetTable,
  blob: Uint8Array,
  name: string,
): Uint8Array {
  if (blob.length !== table.packageSize) {
    throw new Error(
      `packed assets: blob is ${blob.length} bytes, loader says ${table.packageSize}`,
    );
  }
  const matches = table.files.filter((f) => f.filename.split('/').at(-1) === name);
  const [asset] = matches;
  if (!asset || matches.length > 1) {
    throw new Error(`packed assets: expected exactly one "${name}", found ${matches.length}`);
  }
  return blob.slice(asset.start, asset.end);
}
