// Makes sure a Chromium for the browser tests is there: CHROMIUM_PATH, or Debian's /usr/bin/chromium,
// installed with apt-get when missing and we are root (as in CI); otherwise says exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`Chromium not found at ${path}: installing Debian's chromium package…`);
  execSync('apt-get update', { stdio: 'inherit' });
  execSync('apt-get install -y chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (existsSync(path)) process.exit(0);
}
console.error(
  `No Chromium at ${path}. The browser tests need it: on Debian/Ubuntu run "sudo apt-get install -y chromium", ` +
    'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
);
process.exit(1);
