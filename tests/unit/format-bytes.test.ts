// Sizes as messages show them: binary units, one decimal under 10; GB only where asked for (storage quotas).
import { formatBytes } from '../../src/formats/bytes';

const MB = 1024 * 1024;
const GB = 1024 * MB;

test.each([
  [0, '0 B'],
  [512, '512 B'],
  [4.5 * 1024, '4.5 KB'],
  [300 * 1024, '300 KB'],
  [1.5 * MB, '1.5 MB'],
  [1025 * MB, '1025 MB'],
])('%d bytes: %s', (n, text) => {
  expect(formatBytes(n)).toBe(text);
});

test.each([
  [1.5 * MB, '1.5 MB'],
  [1023 * MB, '1023 MB'],
  [GB, '1.0 GB'],
  [1.5 * GB, '1.5 GB'],
  [120 * GB, '120 GB'],
])('with GB, %d bytes: %s', (n, text) => {
  expect(formatBytes(n, { gb: true })).toBe(text);
});
