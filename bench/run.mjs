// `npm run bench`: start-up against the floor (`node -e 0`) and a peer (a minimal Ink app built the same
// way), keypress latency over a whole walk, peak memory over a --demo walk with the test call, `check`
// against the guide's curl, and the package's size. Interleaved runs; a table and bench/results.json.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/esbuild-options.mjs';
import { startInstantServer } from './instant-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'dist/openai-topup.cjs');
const PEER = join(root, 'bench/peer/dist/app.js');
const REPS = Number(process.env.BENCH_REPS ?? 15);
// Any escape sequence, so markers are found in what a person would see.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[@-_]/g;

function env(extra = {}) {
  const out = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    ...extra,
  };
  return out;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    n: sorted.length,
  };
};
const round = (value) => Math.round(value * 10) / 10;

/** Spawns in an 80×24 pseudo-terminal; resolves with ms until every marker is visible (or until exit). */
function timeToScreen(file, args, markers, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = pty.spawn(file, args, { cols: 80, rows: 24, env: env(extraEnv) });
    let seen = '';
    let done = false;
    const timer = setTimeout(
      () => reject(new Error(`no screen from ${args.join(' ')}: ${seen.slice(-200)}`)),
      10_000,
    );
    child.onData((data) => {
      if (done) return;
      seen += data;
      const text = seen.replace(ANSI, '');
      if (markers.length > 0 && markers.every((m) => text.includes(m))) {
        done = true;
        const ms = performance.now() - started;
        clearTimeout(timer);
        child.kill();
        resolve(ms);
      }
    });
    child.onExit(() => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (markers.length === 0) resolve(performance.now() - started);
      else reject(new Error(`exited before the screen: ${seen.slice(-300)}`));
    });
  });
}

function freshConfig() {
  return mkdtempSync(join(tmpdir(), 'topup-bench-'));
}

/** A pty session with helpers to wait for text and time keys. */
function session(args, extraEnv = {}) {
  const child = pty.spawn(CLI, args, { cols: 80, rows: 30, env: env(extraEnv) });
  let seen = '';
  const waiters = [];
  child.onData((data) => {
    seen += data;
    for (const waiter of [...waiters]) waiter();
  });
  const waitFor = (marker, from) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${marker}`)), 15_000);
      const check = () => {
        if (seen.slice(from).replace(ANSI, '').includes(marker)) {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(performance.now());
        }
      };
      waiters.push(check);
      check();
    });
  return { child, waitFor, mark: () => seen.length, write: (d) => child.write(d) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function keypressLatencies(walks) {
  const samples = [];
  for (let w = 0; w < walks; w++) {
    const s = session(['--demo'], { XDG_CONFIG_HOME: freshConfig() });
    await s.waitFor('1/14', 0);
    // Time keys as a reader presses them: after a second on the welcome screen (Ink has taken over from
    // the static first frame by then, and the next screens have been drawn once off-screen).
    await sleep(1000);
    for (let n = 1; n <= 11; n++) {
      const from = s.mark();
      const sent = performance.now();
      s.write('\r');
      const shown = await s.waitFor(`${n + 1}/14`, from);
      samples.push(shown - sent);
      await sleep(30);
    }
    s.child.kill();
  }
  return samples;
}

function vmHwmKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function peakRssWalk() {
  const s = session(['--demo'], { XDG_CONFIG_HOME: freshConfig() });
  await s.waitFor('1/14', 0);
  await sleep(300);
  for (let n = 1; n <= 12; n++) {
    const from = s.mark();
    s.write('\r');
    await s.waitFor(`${n + 1}/14`, from);
  }
  await s.waitFor('Press Enter to send', 0);
  s.write('\r');
  await s.waitFor('replied:', 0);
  const from = s.mark();
  s.write('\r');
  await s.waitFor('14/14', from);
  const kb = vmHwmKb(s.child.pid);
  s.write('\r');
  await new Promise((resolve) => s.child.onExit(resolve));
  return kb / 1024;
}

/** Peak RSS of a whole process, in MB, as GNU time reports it (the kernel's maximum resident set size). */
function peakRssOf(file, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'maxrss=%M', file, ...args], {
      env: env(extraEnv),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('close', () => {
      const kb = Number(/maxrss=(\d+)/.exec(err)?.[1]);
      if (kb) resolve(kb / 1024);
      else reject(new Error(`no maxrss from ${args.join(' ')}: ${err}`));
    });
  });
}

function timeProcess(file, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, out })
        : reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)),
    );
  });
}

async function startServe() {
  const child = spawn(CLI, ['serve'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(out);
      if (match) resolve(match[1]);
    });
  });
  return { url, stop: () => child.kill('SIGINT') };
}

async function main() {
  // The peer is built with the same esbuild settings as the CLI.
  await build({
    ...bundleOptions(),
    absWorkingDir: root,
    entryPoints: { app: 'bench/peer/app.tsx' },
    outdir: 'bench/peer/dist',
  });

  const programs = {
    floor: () => timeToScreen(process.execPath, ['-e', '0'], []),
    peer: () => timeToScreen(process.execPath, [PEER], ['Hello from Ink', 'q quit']),
    'openai-topup': () =>
      timeToScreen(process.execPath, [CLI], ['Top up your OpenAI API credit', 'q quit'], {
        XDG_CONFIG_HOME: freshConfig(),
      }),
  };
  const firstFrame = Object.fromEntries(Object.keys(programs).map((name) => [name, []]));
  for (let i = 0; i < REPS + 2; i++) {
    for (const [name, run] of Object.entries(programs)) {
      const ms = await run();
      // The first two rounds warm the file cache and are not counted.
      if (i >= 2) firstFrame[name].push(ms);
    }
  }
  const first = Object.fromEntries(Object.entries(firstFrame).map(([name, values]) => [name, stats(values)]));
  const floor = first.floor.median;

  const keys = stats(await keypressLatencies(Math.max(3, Math.round(REPS / 3))));
  const rss = [];
  for (let i = 0; i < 3; i++) rss.push(await peakRssWalk());

  const serve = await startServe();
  const curl = [
    'curl',
    '-s',
    `${serve.url}/chat/completions`,
    '-H',
    'Content-Type: application/json',
    '-H',
    'Authorization: Bearer sk-proj-PRACTICE-not-a-real-key-0000000000000000000000demo',
    '-d',
    JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Write a haiku that explains the concept of recursion.' },
      ],
    }),
  ];
  const checkTimes = [];
  const curlTimes = [];
  for (let i = 0; i < REPS; i++) {
    checkTimes.push((await timeProcess(CLI, ['check', '--demo', '--json'])).ms);
    curlTimes.push((await timeProcess('curl', curl.slice(1))).ms);
  }
  serve.stop();

  // `check --json` as a script runs it: a whole process against a loopback server that answers at once
  // (not `serve`, whose stream is paced), interleaved with the floor measured the same way.
  const instant = await startInstantServer();
  const key = { OPENAI_API_KEY: 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0000' };
  const checkArgs = [CLI, 'check', '--json', '--base-url', instant.url];
  const floorProcess = [];
  const checkProcess = [];
  const checkRss = [];
  for (let i = 0; i < REPS + 2; i++) {
    const floorMs = (await timeProcess(process.execPath, ['-e', '0'])).ms;
    const checkMs = (await timeProcess(process.execPath, checkArgs, key)).ms;
    if (i >= 2) {
      floorProcess.push(floorMs);
      checkProcess.push(checkMs);
    }
  }
  for (let i = 0; i < 5; i++) checkRss.push(await peakRssOf(process.execPath, checkArgs, key));
  await instant.stop();
  const checkRatio = round(stats(checkProcess).median / stats(floorProcess).median);

  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }),
  )[0];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const runtimeDependencies = Object.keys(pkg.dependencies ?? {}).length;

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    repetitions: REPS,
    firstFrameMs: first,
    ratioToFloor: {
      peer: round(first.peer.median / floor),
      'openai-topup': round(first['openai-topup'].median / floor),
    },
    keypressToNextScreenMs: keys,
    peakRssMb: stats(rss),
    checkDemoJsonMs: stats(checkTimes),
    checkJsonProcessMs: { floor: stats(floorProcess), check: stats(checkProcess), ratio: checkRatio },
    checkJsonPeakRssMb: stats(checkRss),
    guideCurlAgainstServeMs: stats(curlTimes),
    package: {
      packedBytes: pack.size,
      unpackedBytes: pack.unpackedSize,
      files: pack.entryCount,
      runtimeDependencies,
    },
    goals: {
      firstFrameAtMost2xFloor: first['openai-topup'].median / floor <= 2,
      keypressP95AtMost30ms: keys.p95 <= 30,
      peakRssAtMost75Mb: stats(rss).max <= 75,
      zeroRuntimeDependencies: runtimeDependencies === 0,
      checkAtMost1_9xFloor: checkRatio <= 1.9,
      checkPeakRssAtMost52Mb: stats(checkRss).max <= 52,
    },
  };

  const row = (name, s, extra = '') =>
    `${name.padEnd(34)} ${String(s.median).padStart(8)} ${String(s.min).padStart(8)} ${String(s.max).padStart(8)}  ${extra}`;
  const lines = [
    `openai-topup benchmark · node ${process.version} · ${REPS} interleaved runs each`,
    '',
    `${'measure'.padEnd(34)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`,
    row('first frame: node -e 0 (floor), ms', first.floor, '1.0×'),
    row('first frame: minimal Ink app, ms', first.peer, `${results.ratioToFloor.peer}×`),
    row(
      'first frame: openai-topup, ms',
      first['openai-topup'],
      `${results.ratioToFloor['openai-topup']}× (goal ≤ 2.0×)`,
    ),
    row('keypress → next screen, ms', keys, `p95 ${keys.p95} (goal ≤ 30)`),
    row('peak RSS, --demo walk + call, MB', results.peakRssMb, '(goal ≤ 75)'),
    row('check --demo --json, ms', results.checkDemoJsonMs),
    row('process: node -e 0, ms', stats(floorProcess), '1.0×'),
    row('process: check --json (loopback), ms', stats(checkProcess), `${checkRatio}× (goal ≤ 1.9×)`),
    row('peak RSS, check --json, MB', stats(checkRss), '(goal ≤ 52)'),
    row("guide's curl against serve, ms", results.guideCurlAgainstServeMs),
    '',
    `npm pack: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${pack.entryCount} files, ${runtimeDependencies} runtime dependencies`,
    `goals: ${Object.entries(results.goals)
      .map(([name, met]) => `${name} ${met ? 'met' : 'MISSED'}`)
      .join(' · ')}`,
  ];
  console.log(lines.join('\n'));
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten: bench/results.json');
}

await main();
