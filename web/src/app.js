// The page's script (app.js once bundled). It runs the page, main.js (the
// editor, the views, the toolbar), once the checker that boot.js started
// is ready, or after CHECKER_FIRST_MS at the latest.
//
// Both need the page's main thread: the checker for the end of its
// download and compilation (the browser feeds the compiler from there) and
// for Go's start, the page for running its modules, building the editor
// and the editor's first layout, which take longer. Whichever goes first
// makes the other wait, and the first findings need both; the checker goes
// first because it is the shorter and because nothing can be checked
// without it. The bound keeps a slow download from holding back the
// editor: a checker that far from ready is not waited for.

import { currentTheme } from "./theme.js";

/** CHECKER_FIRST_MS is how long the page waits for the checker before it builds the editor anyway. */
const CHECKER_FIRST_MS = 250;

/**
 * checkerFirst resolves once the checker boot.js started is ready, has
 * stopped or failed, or has taken CHECKER_FIRST_MS; at once when boot.js
 * started none (main.js then says why).
 */
async function checkerFirst(boot) {
  if (!boot) return;
  const late = new Promise((resolve) => setTimeout(resolve, CHECKER_FIRST_MS));
  const started = boot.launched.then((s) => s && Promise.race([s.ready, s.exited]));
  try {
    await Promise.race([started, late]);
  } catch {
    // main.js reports it.
  }
}

// The theme now, so that a dark page does not stay light while it waits.
document.documentElement.dataset.theme = currentTheme();
checkerFirst(globalThis.opcheckBoot).then(() => import("./main.js"));
