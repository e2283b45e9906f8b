// @vitest-environment jsdom
// The worker client: bytes transferred, a cancel the worker does not answer stops it, a crash is a message; the issue list cap.
import { render, screen } from '@testing-library/react';
import type { Issue } from '../../src/domain/issue';
import { ImportIssues } from '../../src/features/import/import-issues';
import { ImportWarnings } from '../../src/features/import/import-confirm';
import { I18nProvider } from '../../src/lib/i18n';
import { issueText } from '../../src/formats/issue-text';
import { createWorkerImportClient } from '../../src/features/import/import-client';
import type { ImportResponse } from '../../src/formats/import/protocol';

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: Array<{ message: unknown; transfer: unknown }> = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown, transfer?: unknown) {
    this.posted.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(data: ImportResponse) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const open = (client: ReturnType<typeof createWorkerImportClient>) =>
  client.open({ fileName: 'a.csv', bytes: new ArrayBuffer(4), includeScheduling: false, now: 1 });

test('open starts one module worker and transfers the bytes; answers reach the screen', () => {
  const got: ImportResponse[] = [];
  const client = createWorkerImportClient((m) => got.push(m));
  open(client);
  open(client);
  expect(FakeWorker.made).toHaveLength(1);
  const w = FakeWorker.made[0]!;
  expect(w.options).toEqual({ type: 'module' });
  expect(w.url.pathname).toMatch(/import-worker\.ts$/);
  const first = w.posted[0] as { message: { type: string; bytes: ArrayBuffer }; transfer: unknown[] };
  expect(first.message.type).toBe('open');
  expect(first.transfer).toEqual([first.message.bytes]);
  w.answer({ type: 'progress', phase: 'parse', done: 1, total: 2 });
  expect(got).toEqual([{ type: 'progress', phase: 'parse', done: 1, total: 2 }]);
});

test('a cancel the worker does not answer in time terminates it; the next open starts a new worker', () => {
  vi.useFakeTimers();
  const got: ImportResponse[] = [];
  const client = createWorkerImportClient((m) => got.push(m));
  open(client);
  const w = FakeWorker.made[0]!;
  client.cancel();
  expect(w.posted.at(-1)?.message).toEqual({ type: 'cancel' });
  vi.advanceTimersByTime(1999);
  expect(w.terminated).toBe(false);
  vi.advanceTimersByTime(1);
  expect(w.terminated).toBe(true);
  expect(got).toEqual([{ type: 'cancelled' }]);
  // A late answer of the stopped worker is dropped.
  w.answer({ type: 'csv-preview' } as ImportResponse);
  expect(got).toHaveLength(1);
  open(client);
  expect(FakeWorker.made).toHaveLength(2);
});

test('a cancel the worker answers is passed on once; the grace timer is dropped', () => {
  vi.useFakeTimers();
  const got: ImportResponse[] = [];
  const client = createWorkerImportClient((m) => got.push(m));
  open(client);
  client.cancel();
  FakeWorker.made[0]!.answer({ type: 'cancelled' });
  vi.advanceTimersByTime(5000);
  expect(got).toEqual([{ type: 'cancelled' }]);
  expect(FakeWorker.made[0]!.terminated).toBe(false);
});

test('a worker that fails to load or crashes becomes a failed import naming the file', () => {
  const got: ImportResponse[] = [];
  const client = createWorkerImportClient((m) => got.push(m));
  open(client);
  FakeWorker.made[0]!.onerror?.({ message: 'SyntaxError: bad chunk', preventDefault() {} } as ErrorEvent);
  expect(got).toEqual([
    {
      type: 'failed',
      issues: [{ file: 'a.csv', code: 'import.stopped', params: { detail: 'SyntaxError: bad chunk' } }],
    },
  ]);
  const failed = got[0]?.type === 'failed' ? got[0].issues : [];
  expect(issueText(failed[0]!, 'en')).toBe(
    'a.csv: could not be read: the import stopped unexpectedly (SyntaxError: bad chunk)',
  );
  expect(FakeWorker.made[0]!.terminated).toBe(true);
});

test('dispose stops the worker', () => {
  const client = createWorkerImportClient(() => {});
  open(client);
  client.dispose();
  expect(FakeWorker.made[0]!.terminated).toBe(true);
});

test('issue lists show the first 20 and how many more', () => {
  const issues = Array.from({ length: 25 }, (_, i): Issue => ({
    file: 'f.csv',
    place: { row: i + 2 },
    code: 'file.empty',
  }));
  render(<ImportIssues issues={issues} />);
  const items = screen.getAllByRole('listitem');
  expect(items).toHaveLength(21);
  expect(items[0]).toHaveTextContent('f.csv: row 2: is empty');
  expect(items[20]).toHaveTextContent('and 5 more');
});

test('warnings and issues are listed in the interface language', () => {
  const warnings: Issue[] = [
    { file: 'x.apkg', code: 'warn.media-unused', params: { n: 1 } },
    { file: 'x.apkg', code: 'warn.review-bad-time', params: { n: 3 } },
  ];
  const issues: Issue[] = [{ file: 'x.apkg', place: { note: 'g1' }, code: 'anki.no-guid' }];
  render(
    <I18nProvider lang="zh">
      <ImportWarnings warnings={warnings} />
      <ImportIssues issues={issues} />
    </I18nProvider>,
  );
  expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '1 个媒体文件没有被任何卡片使用，没有导入',
    '3 条复习记录的日期不可能成立，没有导入',
    'x.apkg，笔记 g1：没有 GUID',
  ]);
  expect(screen.getByText('请注意：')).toBeInTheDocument();
});
