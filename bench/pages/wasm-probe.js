// Wasm memory probe, for a page (classic script) or a worker (imported by worker-shim.js).
// Keeps a weak reference to every WebAssembly.Memory an instantiated module exports, so the
// bench can read how much linear memory is alive without keeping any of it alive.
(() => {
  if (globalThis.__wasmMemoryBytes) return;
  const memories = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(new WeakRef(value));
    }
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then(keep);
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = function (...args) {
      return streaming.apply(this, args).then(keep);
    };
  }
  /** Bytes of wasm linear memory still alive in this thread. */
  globalThis.__wasmMemoryBytes = () =>
    memories.reduce((sum, ref) => sum + (ref.deref()?.buffer.byteLength ?? 0), 0);
})();
