// A one-request Web Worker: posts the request, takes the one answer, then ends the worker. The caller makes the worker
// (`new Worker(new URL(…, import.meta.url), { type: 'module' })` must stay at its call site for the bundler).

/** The worker's answer; null when it could not start or its answer could not be read (the caller then does the work). */
export function workerAnswer<Req, Res>(worker: Worker, request: Req): Promise<Res | null> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<Res>) => {
      worker.terminate();
      resolve(event.data);
    };
    const failed = (event: Event) => {
      event.preventDefault();
      worker.terminate();
      resolve(null);
    };
    worker.onerror = failed;
    worker.onmessageerror = failed;
    worker.postMessage(request);
  });
}
