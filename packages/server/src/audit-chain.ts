// The audit log as a hash chain. Each writer (one per process) starts a chain with a random id;
// every line carries the chain id, its position `seq`, the MAC of the line before it in the chain
// (`prev`), the id of the key used (`kid`) and, last, its own MAC: HMAC-SHA256 under a key
// derived from the master key, over the whole line before the MAC. So without the key a line
// cannot be edited, a line cannot be removed from the middle or moved without breaking the next
// line's `prev` or the order of `seq`, and a chain cannot be forged. What it cannot show: lines
// cut off the end of a chain, or a whole chain removed (verify prints each chain's last line, to
// compare with what is expected), or anything done by someone holding the master key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerKeys } from './crypto.js';

/** The `prev` of a chain's first line. */
export const CHAIN_START = '0'.repeat(64);
const MAC_TAIL = /,"mac":"([0-9a-f]{64})"\}$/;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function mac(key: Uint8Array, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Where a writer's chain stands. */
export interface ChainState {
  readonly chain: string;
  readonly seq: number;
  readonly prev: string;
}

/** A new chain named `chain` (random, per writer). */
export function startChain(chain: string): ChainState {
  return { chain, seq: 0, prev: CHAIN_START };
}

/**
 * The line for `event` (a JSON object's fields) as the next of `state`, and the state after it.
 * `event` must not use the chain's own field names.
 */
export function chainLine(
  state: ChainState,
  event: Readonly<Record<string, unknown>>,
  keys: ServerKeys,
): { line: string; next: ChainState } {
  const body = JSON.stringify({
    ...event,
    chain: state.chain,
    seq: state.seq,
    prev: state.prev,
    kid: hex(keys.keyId),
  });
  const own = mac(keys.audit, body);
  return {
    line: `${body.slice(0, -1)},"mac":"${own}"}`,
    next: { chain: state.chain, seq: state.seq + 1, prev: own },
  };
}

/** One problem {@link verifyChain} found, by line number (1-based, in the order given). */
export interface AuditProblem {
  readonly line: number;
  readonly problem: 'unreadable' | 'bad_mac' | 'unknown_key' | 'out_of_order' | 'broken_link';
}

/** Per chain: how many lines, and the last one's position and time (to spot a cut-off end). */
export interface ChainSummary {
  readonly chain: string;
  readonly lines: number;
  readonly lastSeq: number;
  readonly lastAt: string | null;
}

/** What {@link verifyChain} found. */
export interface AuditVerdict {
  readonly ok: boolean;
  readonly problems: readonly AuditProblem[];
  readonly chains: readonly ChainSummary[];
}

interface Parsed {
  readonly chain: string;
  readonly seq: number;
  readonly prev: string;
  readonly kid: string;
  readonly at: string | null;
}

function parse(line: string): { fields: Parsed; body: string; mac: string } | null {
  const tail = MAC_TAIL.exec(line);
  if (!tail?.[1]) return null;
  const body = `${line.slice(0, tail.index)}}`;
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    const { chain, seq, prev, kid, at } = value;
    if (typeof chain !== 'string' || typeof seq !== 'number' || typeof prev !== 'string')
      return null;
    if (typeof kid !== 'string') return null;
    return {
      fields: { chain, seq, prev, kid, at: typeof at === 'string' ? at : null },
      body,
      mac: tail[1],
    };
  } catch {
    return null;
  }
}

type ChainsSeen = Map<string, { lines: number; seq: number; prev: string; at: string | null }>;

/** Checks one line against the chains seen so far, and records it. */
function checkLine(
  line: string,
  byKid: ReadonlyMap<string, Uint8Array>,
  chains: ChainsSeen,
): AuditProblem['problem'] | null {
  const parsed = parse(line);
  if (!parsed) return 'unreadable';
  const key = byKid.get(parsed.fields.kid);
  if (!key) return 'unknown_key';
  const expected = Buffer.from(mac(key, parsed.body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(parsed.mac, 'hex'))) return 'bad_mac';
  const { chain, seq, prev, at } = parsed.fields;
  const known = chains.get(chain) ?? { lines: 0, seq: -1, prev: CHAIN_START, at: null };
  chains.set(chain, { lines: known.lines + 1, seq, prev: parsed.mac, at });
  if (seq !== known.seq + 1) return 'out_of_order';
  return prev === known.prev ? null : 'broken_link';
}

/**
 * Checks audit lines in the order they were stored: every MAC under one of `keys`, and within
 * each chain `seq` 0, 1, 2… with each `prev` the MAC of the line before. Detects an edited,
 * deleted (not last), inserted or reordered line.
 */
export function verifyChain(lines: readonly string[], keys: readonly ServerKeys[]): AuditVerdict {
  const byKid = new Map(keys.map((k) => [hex(k.keyId), k.audit] as const));
  const problems: AuditProblem[] = [];
  const chains: ChainsSeen = new Map();
  for (const [index, line] of lines.entries()) {
    const problem = checkLine(line, byKid, chains);
    if (problem) problems.push({ line: index + 1, problem });
  }
  return {
    ok: problems.length === 0,
    problems,
    chains: [...chains].map(([chain, c]) => ({
      chain,
      lines: c.lines,
      lastSeq: c.seq,
      lastAt: c.at,
    })),
  };
}
