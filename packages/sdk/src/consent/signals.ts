import type { Signals } from './rules.js';

interface SignalSources {
  readonly navigator?: {
    readonly doNotTrack?: string | null;
    readonly globalPrivacyControl?: unknown;
  };
  readonly doNotTrack?: unknown;
}

/**
 * Reads Global Privacy Control and Do Not Track from the browser, when called (never at import).
 * DNT is read from every place browsers have put it (`navigator`, `window`).
 */
export function readBrowserSignals(
  scope: SignalSources = globalThis as unknown as SignalSources,
): Signals {
  const nav = scope.navigator;
  const dntValues = [nav?.doNotTrack, scope.doNotTrack];
  return {
    gpc: nav?.globalPrivacyControl === true,
    dnt: dntValues.some((value) => value === '1' || value === 'yes'),
  };
}
