// Benchmark 5 — ingest server. autocannon on loopback, 50 connections, real ~200 KB JPEG
// uploads: the reference server (consent check, validation, encryption, atomic fsync'd
// writes) against a bare node:http server that writes the same bytes to disk.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API, IDEMPOTENCY_KEY_HEADER, PUBLISHABLE_KEY_HEADER } from '@fittingroom/protocol';
import autocannon, { type Result } from 'autocannon';
import {
  grantConsent,
  KEY,
  type LoadTarget,
  startBare,
  startReference,
  uploadBody,
} from './ingest-setup.js';
import { uploadJpeg } from './jpeg.js';
import { type CpuProfile, hotspots } from './profile.js';
import { type Row, row, type Section, verdict } from './report.js';
import { bytes, median, ms, ratio, times } from './stats.js';

/** Settings of the ingest benchmark. */
export interface IngestOptions {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly rounds: number;
}

type Kind = 'reference' | 'bare-fsync' | 'bare-plain';

/** What one load run gave. */
interface Run {
  /** Successful uploads per second. */
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly failed: number;
}

/** Starts a fresh server of a kind with its request headers (consent granted for ours). */
async function start(
  kind: Kind,
  nodeArgs: string[] = [],
): Promise<{ target: LoadTarget; headers: Record<string, string> }> {
  if (kind !== 'reference') return { target: await startBare(kind === 'bare-fsync'), headers: {} };
  const target = await startReference(nodeArgs);
  try {
    const ack = await grantConsent(target.url);
    return {
      target,
      headers: { [PUBLISHABLE_KEY_HEADER]: KEY, authorization: `Bearer ${ack.subjectToken}` },
    };
  } catch (error) {
    await target.stop();
    throw error;
  }
}

/** One bounded load: `seconds` at `connections`, each upload with its own idempotency key. */
async function load(
  url: string,
  headers: Record<string, string>,
  upload: { body: Buffer; contentType: string },
  connections: number,
  seconds: number,
): Promise<Result> {
  let n = 0;
  const base = { ...headers, 'content-type': upload.contentType };
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: API.uploads,
        body: upload.body,
        setupRequest: (request) => ({
          ...request,
          headers: { ...base, [IDEMPOTENCY_KEY_HEADER]: `bench-${process.pid}-${n++}` },
        }),
      },
    ],
  });
}

async function once(
  kind: Kind,
  jpeg: Buffer,
  options: IngestOptions,
  nodeArgs: string[] = [],
): Promise<Run> {
  const { target, headers } = await start(kind, nodeArgs);
  try {
    // The reference server checks the metadata's receipt id; the bare one ignores the body.
    const receiptId = headers.authorization ? await receiptOf(target.url, headers) : undefined;
    const upload = uploadBody(receiptId ?? '00000000-0000-4000-8000-000000000000', jpeg);
    await load(target.url, headers, upload, options.connections, options.warmupSeconds);
    const result = await load(target.url, headers, upload, options.connections, options.seconds);
    return {
      rate: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await target.stop();
  }
}

/** The subject's receipt id, from its export (the grant made in `start`). */
async function receiptOf(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}${API.subjectExport}`, { headers });
  const data = (await response.json()) as { consents: { receipt: { consentReceiptID: string } }[] };
  const id = data.consents[0]?.receipt.consentReceiptID;
  if (!id) throw new Error('no consent on record for the bench subject');
  return id;
}

/**
 * One more run of the reference server, under `--cpu-prof`, apart from the measured ones (the
 * profiler slows it down): where its main thread spends the time.
 */
async function profiledRun(jpeg: Buffer, options: IngestOptions): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fr-bench-prof-'));
  try {
    await once('reference', jpeg, options, ['--cpu-prof', '--cpu-prof-dir', dir]);
    // The main thread's profile is the biggest (tsx's loader thread writes a small one).
    const files = readdirSync(dir).map((f) => join(dir, f));
    const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!main) return 'No CPU profile was written.';
    const profile = JSON.parse(readFileSync(main, 'utf8')) as CpuProfile;
    const { busyMs, list } = hotspots(profile, 10);
    const spots = list.map((h) => `${h.name} ${(h.share * 100).toFixed(0)}%`).join(', ');
    return `CPU profile of the reference server's main thread in a separate run under the same load (\`--cpu-prof\`, start-up included): ${(busyMs / 1000).toFixed(1)} s busy; self time of the top functions: ${spots}.`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Connections of the light-load latency run. At 50 connections latency is bound to queueing
 * (Little's law: mean latency ≈ connections / throughput); with few it shows one upload's own.
 */
const LIGHT_CONNECTIONS = 5;

/** Runs every kind `rounds` times, order rotating; returns the section. */
export async function ingestBenchmark(options: IngestOptions): Promise<Section> {
  const jpeg = uploadJpeg();
  const kinds: Kind[] = ['reference', 'bare-fsync', 'bare-plain'];
  const runs = new Map<Kind, Run[]>(kinds.map((k) => [k, []]));
  const lightKinds: Kind[] = ['reference', 'bare-fsync'];
  const light = new Map<Kind, Run[]>(lightKinds.map((k) => [k, []]));
  const lightOptions = { ...options, connections: LIGHT_CONNECTIONS };
  for (let round = 0; round < options.rounds; round++) {
    const k = round % kinds.length;
    for (const kind of [...kinds.slice(k), ...kinds.slice(0, k)]) {
      runs.get(kind)!.push(await once(kind, jpeg, options));
    }
    const l = round % lightKinds.length;
    for (const kind of [...lightKinds.slice(l), ...lightKinds.slice(0, l)]) {
      light.get(kind)!.push(await once(kind, jpeg, lightOptions));
    }
  }
  const profile = await profiledRun(jpeg, options);
  const med = (kind: Kind, pick: (r: Run) => number) => median(runs.get(kind)!.map(pick));
  const rate = (kind: Kind) => med(kind, (r) => r.rate);
  const lat = (kind: Kind) =>
    `p50 ${ms(med(kind, (r) => r.p50))}, p99 ${ms(med(kind, (r) => r.p99))}`;
  const p99Ratio = ratio(
    med('reference', (r) => r.p99),
    med('bare-fsync', (r) => r.p99),
  );
  const perSecond = (kind: Kind) => `${rate(kind).toFixed(1)} uploads/s`;
  const rows: Row[] = [
    row(
      `Throughput at ${options.connections} connections: reference vs bare node:http (write + fsync)`,
      perSecond('reference'),
      {
        baseline: perSecond('bare-fsync'),
        ratio: times(ratio(rate('reference'), rate('bare-fsync'))),
        target: '≥ 0.80×',
        verdict: verdict(ratio(rate('reference'), rate('bare-fsync')) >= 0.8),
      },
    ),
    row('Throughput: reference vs bare node:http (plain write, no fsync)', perSecond('reference'), {
      baseline: perSecond('bare-plain'),
      ratio: times(ratio(rate('reference'), rate('bare-plain'))),
    }),
    row('Latency of the reference server', lat('reference'), {
      baseline: `${lat('bare-fsync')} (bare + fsync)`,
      ratio: times(p99Ratio),
      // Little's law: at a fixed concurrency latency follows throughput, so the target is
      // relative to the bare writer measured in the same run, not an absolute figure.
      target: 'p99 ≤ 1.30×',
      verdict: verdict(p99Ratio <= 1.3),
    }),
  ];
  const lightMed = (kind: Kind, pick: (r: Run) => number) => median(light.get(kind)!.map(pick));
  const lightLat = (kind: Kind) =>
    `p50 ${ms(lightMed(kind, (r) => r.p50))}, p99 ${ms(lightMed(kind, (r) => r.p99))}`;
  rows.push(
    row(`Latency at ${LIGHT_CONNECTIONS} connections (informative)`, lightLat('reference'), {
      baseline: `${lightLat('bare-fsync')} (bare + fsync)`,
      ratio: times(
        ratio(
          lightMed('reference', (r) => r.p99),
          lightMed('bare-fsync', (r) => r.p99),
        ),
      ),
    }),
  );
  const summarize = (kind: Kind, from = runs) =>
    from
      .get(kind)!
      .map((r) => `${r.rate.toFixed(1)}/s p99 ${ms(r.p99)} (${r.ok} ok, ${r.failed} failed)`)
      .join('; ');
  const notes = [
    `Upload: a ${bytes(jpeg.length)} JPEG (1280×960, \`bench/.cache/upload-200k.jpg\`, made by ffmpeg from the hand photo) in the multipart body the SDK sends, each request with its own Idempotency-Key; the reference server stores every one (new uploads, not replays). Its consent was granted first, as the SDK does. Rate limits raised out of the way; NODE_ENV=production, fs storage in a fresh temp folder.`,
    `autocannon in the bench process, ${options.connections} connections, ${options.warmupSeconds} s warm-up then ${options.seconds} s measured; a fresh server process per run, ${options.rounds} round(s), order rotating; medians shown. Throughput counts 2xx answers only.`,
    `Runs — reference: ${summarize('reference')}. Bare + fsync: ${summarize('bare-fsync')}. Bare, plain write: ${summarize('bare-plain')}. At ${LIGHT_CONNECTIONS} connections — reference: ${summarize('reference', light)}; bare + fsync: ${summarize('bare-fsync', light)}.`,
    `The p99 target at ${options.connections} connections is bounded by queueing (Little's law: mean latency ≈ connections / throughput): even the bare server at ${rate('bare-fsync').toFixed(0)} uploads/s averages about ${ms((options.connections / rate('bare-fsync')) * 1000)} per upload there. The ${LIGHT_CONNECTIONS}-connection row shows an upload's latency with little queueing.`,
    profile,
    'The bare baselines read the body and write it to a file: plainly, or durably (temp file, write, fsync, rename, fsync of the folder). The reference server also parses and validates the multipart body, checks the key, token, consent receipt and image header, encrypts (AES-256-GCM) and commits one object per upload (sealed record + sealed image: temp file opened with O_DSYNC, so its write returns once data and size are on disk as after fdatasync, then rename, fsync of the folder, group-committed across uploads), plus an audit line.',
  ];
  return { title: '5. Ingest server', rows, notes };
}
