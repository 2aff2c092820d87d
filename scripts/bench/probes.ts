/** What the browser reports no Event Timing entry under (its least threshold), in ms. */
export const EVENT_TIMING_THRESHOLD_MS = 16;

/**
 * What `npm run bench` runs inside the page, as plain JavaScript (the page has no TypeScript and
 * this folder is type-checked without the DOM). `PAGE_PROBES` is installed with
 * `page.addInitScript` before any page script and sets up `window.__bench`:
 *
 *  - `firstRow`: when the first camera row (a body row with cells) was painted: the first
 *    animation frame after it entered the DOM, or the page's first contentful paint (Paint
 *    Timing) when that came later; null until then.
 *  - `search(input, { queries, settleMs })`: types each query into `input` as one input event and
 *    times, per keystroke, input → the first frame after the results changed (the table's rows or
 *    row count, or the live count line); a keystroke that changes nothing within `settleMs` counts
 *    as input → the next frame, and is reported as unchanged. For each keystroke that changed them
 *    it also times input → the rows updated: the first change to the results the page made after
 *    the event (a MutationObserver callback, run once the event's own work is done), with no frame
 *    in the figure: the page's own work, which the browser's style, layout and paint then follow.
 *  - `scroll({ stepPx, maxMs })`: scrolls the camera list from top to bottom by `stepPx` per
 *    animation frame and records the frame intervals.
 *  - `eventTimings`: the browser's own Event Timing entries of EVENT_TIMING_THRESHOLD_MS or more
 *    (keyboard and input events): from a real keystroke's timestamp to the next paint after its
 *    handlers ran, in 8 ms steps (https://w3c.github.io/event-timing/). Shorter ones are not
 *    reported by the browser.
 *  - `afterFrames(n)`: resolves with performance.now() after n animation frames.
 *  - `longTasks()`: the page's long tasks so far (50 ms or more, Long Tasks API) as
 *    [start, duration], with those the observer has not yet been called back for: the longest
 *    a key or click could have waited, e.g. while the page adds what waited for the first rows.
 *  - `lastClick`: the time stamp of the last trusted click event (when the input event was made,
 *    on the page clock), so a "click → painted" figure starts at the click itself, not before
 *    Playwright's own checks that the button is visible, stable and enabled; null before a click.
 */
export const PAGE_PROBES = String.raw`
(() => {
  const bench = { firstRow: null, eventTimings: [], lastClick: null };
  const longTasks = [];
  const keepLongTasks = (entries) => {
    for (const e of entries) longTasks.push([e.startTime, e.duration]);
  };
  const longTaskObserver = new PerformanceObserver((list) => keepLongTasks(list.getEntries()));
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    longTaskObserver.observe({ type: 'longtask', buffered: true });
  }
  bench.longTasks = () => {
    keepLongTasks(longTaskObserver.takeRecords());
    return longTasks;
  };
  Object.defineProperty(window, '__bench', { value: bench });
  addEventListener('click', (e) => {
    if (e.isTrusted) bench.lastClick = e.timeStamp;
  }, true);
  const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);
  if (PerformanceObserver.supportedEntryTypes.includes('event')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (KEY_EVENTS.has(e.name)) bench.eventTimings.push({ start: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: ${EVENT_TIMING_THRESHOLD_MS}, buffered: true });
  }
  const ROW = 'table tbody tr > th, table tbody tr > td';
  // The row is painted at the first frame after it entered the DOM, and not before the page's
  // first contentful paint: a frame can begin and be held back (the browser runs a script that
  // was ready before it paints), so the frame alone was early for a row written into the HTML.
  let rowFrame = null;
  let firstPaint = null;
  const settle = () => {
    if (bench.firstRow === null && rowFrame !== null && firstPaint !== null) {
      bench.firstRow = Math.max(rowFrame, firstPaint);
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint') firstPaint = e.startTime;
    }
    settle();
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver((_, observer) => {
    if (rowFrame === null && document.querySelector(ROW)) {
      observer.disconnect();
      requestAnimationFrame(() => {
        rowFrame = performance.now();
        settle();
      });
    }
  }).observe(document, { subtree: true, childList: true });

  // The next animation frame, or a stand-in after FRAME_DEADLINE_MS when frames have stalled (a
  // headless page sometimes stops producing them): every wait has a deadline, and a stall shows as
  // a long frame interval (dropped frames) instead of a bench that never ends.
  const FRAME_DEADLINE_MS = 250;
  const onFrame = (callback) => {
    let done = false;
    const run = (t) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      callback(t);
    };
    const timer = setTimeout(() => run(performance.now()), FRAME_DEADLINE_MS);
    requestAnimationFrame(run);
  };
  const frame = () => new Promise((resolve) => onFrame(resolve));
  bench.afterFrames = async (n) => {
    for (let i = 0; i < n; i++) await frame();
    return performance.now();
  };
  const inTable = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!el && (el.closest('table') !== null || el.querySelector?.('table') != null);
  };
  const inResults = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!el && (inTable(el) || el.closest('[aria-live]') !== null);
  };
  const touchesResults = (records) =>
    records.some((r) => inResults(r.target) || [...r.addedNodes, ...r.removedNodes].some(inResults));

  bench.search = async (input, { queries, settleMs }) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const samples = [];
    const updated = [];
    let unchanged = 0;
    input.focus();
    for (const query of queries) {
      const result = await new Promise((resolve) => {
        let changed = false;
        let updatedAt = null;
        let firstFrame = null;
        const observer = new MutationObserver((records) => {
          if (!changed && touchesResults(records)) {
            changed = true;
            updatedAt = performance.now() - t0;
          }
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributeFilter: ['aria-rowcount'],
        });
        const t0 = performance.now();
        setValue.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const tick = () =>
          onFrame(() => {
            const elapsed = performance.now() - t0;
            if (firstFrame === null) firstFrame = elapsed;
            if (changed || elapsed > settleMs) {
              observer.disconnect();
              resolve(changed ? { elapsed, changed, updatedAt } : { elapsed: firstFrame, changed });
            } else tick();
          });
        tick();
      });
      samples.push(result.elapsed);
      if (result.changed) updated.push(result.updatedAt);
      else unchanged++;
      // Let any deferred work of this keystroke finish before the next one.
      await frame();
      await frame();
    }
    return { samples, updated, unchanged };
  };

  const scrollerOf = (table) => {
    for (let el = table; el && el !== document.body; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) {
        return el;
      }
    }
    return document.scrollingElement;
  };

  bench.scroll = async ({ stepPx, maxMs }) => {
    const table = document.querySelector('table');
    if (!table) return null;
    const scroller = scrollerOf(table);
    scroller.scrollTop = 0;
    await frame();
    await frame();
    const intervals = [];
    const start = await frame();
    let last = start;
    for (;;) {
      const max = scroller.scrollHeight - scroller.clientHeight;
      if (scroller.scrollTop >= max - 1 || last - start > maxMs) break;
      scroller.scrollTop = Math.min(max, scroller.scrollTop + stepPx);
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
    const max = scroller.scrollHeight - scroller.clientHeight;
    return {
      intervals,
      durationMs: last - start,
      distancePx: scroller.scrollTop,
      reachedEnd: scroller.scrollTop >= max - 1,
    };
  };
})();
`;
