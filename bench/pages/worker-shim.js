// Wraps a module worker (`?target=<url>`) with the bench probes, without changing it: the wasm
// memory probe, and the time the worker spends on each message it answers (`__busy`). Messages
// that arrive while the target loads are handed to its own handler once it is set.
import './wasm-probe.js';

const target = new URL(self.location.href).searchParams.get('target');
let receivedAt = 0;
/** Per answered message: ms from its arrival to the reply (inference and the result's copy). */
self.__busy = [];
// Registered before the target sets onmessage, so it runs first.
self.addEventListener('message', () => {
  receivedAt = performance.now();
});
const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  if (message?.type === 'result') self.__busy.push(performance.now() - receivedAt);
  post(message, ...rest);
};
const queued = [];
self.onmessage = (event) => queued.push(event);
await import(target);
for (const event of queued) self.onmessage?.(event);
