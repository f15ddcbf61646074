/**
 * The runtime tour (tour-steps.mjs) in a browser: bundled by browser.test.ts as an app would be
 * (esbuild, the package's browser build), served from another origin than the sandbox's, so
 * that every call to it is a cross-origin one. Input: `globalThis.TOUR_INPUT`, set by the page.
 * The facts go back to the page's server, one POST per step, then a POST to /done.
 */
/* global document, fetch, window -- a browser page */
import { tour } from "./tour-steps.mjs";

const report = (path, body) => fetch(path, { method: "POST", body: JSON.stringify(body) });

window.addEventListener("unhandledrejection", (event) => void report("/results", ["unhandled rejection", String(event.reason)]));

try {
  await report("/results", ["the browser build", {
    // A browser has no Node built-ins: the client sends over fetch and reads no files.
    getBuiltinModule: typeof globalThis.process?.getBuiltinModule,
    secureContext: window.isSecureContext,
  }]);
  await tour({ input: globalThis.TOUR_INPUT, print: (step, facts) => report("/results", [step, facts]), files: null, WebSocket: undefined });
} catch (error) {
  await report("/results", ["the tour itself", { threw: String(error) }]);
}
await report("/done", null);
document.title = "done";
