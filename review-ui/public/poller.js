// Re-runs a refresh every 2 s while it reports unfinished work, until the view is left.

const INTERVAL_MS = 2000;

/**
 * `refresh` resolves true while something is still being processed; a failed refresh is retried
 * (a lost session aborts the view, which ends the polling). Returns a function that refreshes
 * now and polls again, e.g. after an upload or a retry.
 */
export function pollWhileUnfinished(refresh, signal) {
  let timer = null;
  let running = false;
  let again = false;
  async function tick() {
    clearTimeout(timer);
    timer = null;
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    let unfinished = true;
    try {
      unfinished = await refresh();
    } catch {
      unfinished = true;
    } finally {
      running = false;
    }
    if ((unfinished || again) && !signal.aborted) timer = setTimeout(tick, INTERVAL_MS);
  }
  signal.addEventListener("abort", () => clearTimeout(timer));
  return tick;
}
