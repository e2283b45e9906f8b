// Hands a file made in the page to the browser as a download: a Blob, an object URL and a clicked <a download>.

export const CONTENT_TYPES = {
  json: 'application/json',
  text: 'text/plain;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  apkg: 'application/octet-stream',
  backup: 'application/gzip',
} as const;

export function downloadFile(data: string | Uint8Array, fileName: string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The browser has started the download from the URL by the time this runs.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}
