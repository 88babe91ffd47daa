// Where a Node process spent its CPU: a V8 `.cpuprofile` reduced to self time per function.

/** The parts of a `.cpuprofile` read here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time of one function, ms, with its share of the busy (non-idle) time. */
export interface Hotspot {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

const IDLE = new Set(['(idle)', '(program)']);

/** A readable name: `fn (file)`, or the V8 pseudo-frame / native function alone. */
function nameOf(frame: { functionName: string; url: string }): string {
  const file = frame.url.split('/').pop() ?? '';
  const fn = frame.functionName || '(anonymous)';
  return file ? `${fn} (${file})` : fn;
}

/** The functions with the most self time, idle excluded, biggest first. */
export function hotspots(profile: CpuProfile, top: number): { busyMs: number; list: Hotspot[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, nameOf(n.callFrame)]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const name = byId.get(id) ?? '(unknown)';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const busy = [...self].filter(([name]) => !IDLE.has(name));
  const busyMs = busy.reduce((sum, [, t]) => sum + t, 0);
  const list = busy
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => ({ name, ms: t, share: busyMs > 0 ? t / busyMs : 0 }));
  return { busyMs, list };
}
