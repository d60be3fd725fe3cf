// Runs the browser test groups one after another (CI has 2 cores: one Chromium at a time)
// and prints one closing "N passed, N failed" line for all of them.
import { spawn } from 'node:child_process';

const groups = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['wasm', 'webgpu', 'components'];
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;

function runGroup(group) {
  return new Promise((resolve) => {
    const child = spawn(
      'npx',
      ['wtr', '--config', 'web-test-runner.config.mjs', '--group', group],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let passed = 0;
    let failed = 0;
    const scan = (chunk) => {
      const text = chunk.toString().replace(ansi, '');
      for (const m of text.matchAll(/(\d+) passed, (\d+) failed/g)) {
        passed = Number(m[1]);
        failed = Number(m[2]);
      }
    };
    child.stdout.on('data', (c) => {
      process.stdout.write(c);
      scan(c);
    });
    child.stderr.on('data', (c) => {
      process.stderr.write(c);
      scan(c);
    });
    child.on('close', (code) => resolve({ group, code: code ?? 1, passed, failed }));
  });
}

let exitCode = 0;
const results = [];
for (const group of groups) {
  const result = await runGroup(group);
  results.push(result);
  if (result.code !== 0) exitCode = 1;
}
console.log('\nBrowser test groups:');
for (const r of results)
  console.log(
    `  ${r.group}: ${r.passed} passed, ${r.failed} failed${r.code !== 0 ? ` (exit ${r.code})` : ''}`,
  );
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
