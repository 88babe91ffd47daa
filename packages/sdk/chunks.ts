// How the build groups modules into chunks, beyond rolldown's defaults. Left alone, rolldown
// splits off every set of modules that `index.js` and the lazily loaded parts share in
// different ways, so a shopper fetched the try-on in many small chunks; fewer, larger ones
// gzip better (what loads before consent ~0.4 KB smaller, what loads after it ~1 KB smaller).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The part of the module graph a chunking callback can read. */
export interface ModuleGraph {
  getModuleInfo(id: string): ModuleInfo | null;
}

/** The part of a module's info read here. */
export interface ModuleInfo {
  readonly importedIds: readonly string[];
}

const SRC = join(dirname(fileURLToPath(import.meta.url)), 'src');
const source = (path: string) => join(SRC, path);

function staticallyReachable(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

function without(set: Set<string>, ...others: Set<string>[]): Set<string> {
  return new Set([...set].filter((id) => !others.some((other) => other.has(id))));
}

interface Groups {
  readonly pass: ModuleInfo | null;
  readonly session: Set<string>;
  readonly live: Set<string>;
}

// Of `@fittingroom/protocol`, consent needs only the purposes and receipts (`consent.ts`) and the
// shared rules (`rules.ts`, a few lines); the rest (upload, HTTP, retailer, webhooks) is reachable from the entry only through the package's
// index and goes with the code that uses it.
const WIRE_AFTER_CONSENT =
  /[\\/]protocol[\\/](src|dist)[\\/](?!consent\.|index\.|rules\.)[\w-]+\.[jt]s$/;

// Worked out once per chunking pass (rolldown hands out fresh module infos for each pass).
let groups: Groups | null = null;

function groupsOf(graph: ModuleGraph): Groups {
  const entry = source('tryon-entry.ts');
  const pass = graph.getModuleInfo(entry);
  if (groups?.pass === pass) return groups;
  const session = new Set(
    [...staticallyReachable(graph, entry)].filter(
      (id) => id !== entry && !WIRE_AFTER_CONSENT.test(id),
    ),
  );
  // The worker's imports stay rolldown's: the main thread imports the fetch guard statically
  // but the engine only dynamically, and one chunk with both would defeat that in the bundles
  // of pages that build the SDK into their own code.
  const worker = staticallyReachable(graph, source('ml/worker.ts'));
  const live = without(staticallyReachable(graph, source('tryon/live-parts.ts')), session, worker);
  live.add(source('i18n/tryon/en.ts'));
  groups = { pass, session, live };
  return groups;
}

/**
 * The chunk a module goes to, or null to leave it to rolldown:
 * - `session`: everything the `tryon` entry loads before consent, in one chunk;
 * - `live-parts`: what the try-on runs on the main thread after consent, English texts
 *   included (the other locales stay one chunk each, `tryon-<locale>`, see
 *   `src/i18n/index.ts`); never a module that loads before consent or in the worker.
 */
export function chunkOf(id: string, graph: ModuleGraph): string | null {
  const { session, live } = groupsOf(graph);
  if (session.has(id)) return 'session';
  if (live.has(id)) return 'live-parts';
  // `tryon-fr-….js` rather than a second `fr-….js` beside the consent dialog's French.
  const locale = /[\\/]src[\\/]i18n[\\/]tryon[\\/](\w+)\.ts$/.exec(id)?.[1];
  return locale ? `tryon-${locale}` : null;
}
