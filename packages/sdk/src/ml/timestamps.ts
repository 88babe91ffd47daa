/**
 * The next timestamp to hand MediaPipe: the candidate, or 1 ms after the last one when the
 * candidate does not move forward (MediaPipe rejects non-increasing video timestamps).
 */
export function nextTimestamp(last: number, candidate: number): number {
  return candidate > last ? candidate : last + 1;
}
