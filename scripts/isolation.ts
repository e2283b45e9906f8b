// The headers that make the app cross-origin isolated (crossOriginIsolated: SharedArrayBuffer, which the optimizer's
// WebAssembly threads share their memory through). COEP is `credentialless`, not `require-corp`: the remote images a
// user allows for a deck come from sites that send no Cross-Origin-Resource-Policy, and require-corp would block
// every one; credentialless lets them load, without cookies. bench/lib/server.mjs sends the same two.
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
} as const;
