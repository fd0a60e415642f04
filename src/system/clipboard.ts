/**
 * Copying text for the user: the system clipboard where a command for it exists (pbcopy, wl-copy, xclip,
 * xsel, clip.exe), the terminal's OSC 52 where it may be taken (always the choice over SSH, where the system
 * clipboard is the remote machine's), else nothing, and the screen says which. Commands run by absolute path
 * from the system's own folders, never from the current folder or PATH, with the text on stdin and a time limit.
 */
import { spawn } from 'node:child_process';
import { dirname, win32 } from 'node:path';
import { type Content, fill } from '../content/content.js';
import { findCommand, SYSTEM_DIRS } from './commands.js';

/** A command that writes the system clipboard. */
export type SystemCopier = 'pbcopy' | 'wl-copy' | 'xclip' | 'xsel' | 'clip';

/** How a copy was made: a system command, the terminal (OSC 52), or not at all. */
export type CopyMethod = SystemCopier | 'osc52' | 'none';

/** What `copyText` did. */
export type CopyResult = {
  readonly method: CopyMethod;
  /** System commands that were tried and failed (or timed out) before this method. */
  readonly failed: readonly SystemCopier[];
};

/** Where the terminal's escape sequence goes. */
export type CopyOutput = { readonly isTTY?: boolean; write(text: string): unknown };

/** Everything `copyText` may need from the machine; tests inject each. */
export type CopyOptions = {
  readonly platform?: NodeJS.Platform;
  /** Absolute folders to find the commands in, instead of the system's own; relative ones are ignored. */
  readonly searchDirs?: readonly string[];
  /** Where OSC 52 is written; default stdout. */
  readonly out?: CopyOutput;
  /** How long a command may take, in ms; default 3000. */
  readonly timeoutMs?: number;
};

const COMMANDS: Readonly<Record<SystemCopier, { readonly file: string; readonly args: readonly string[] }>> =
  {
    pbcopy: { file: 'pbcopy', args: [] },
    // With no text argument wl-copy, xclip -i and xsel -i read standard input.
    'wl-copy': { file: 'wl-copy', args: [] },
    xclip: { file: 'xclip', args: ['-selection', 'clipboard', '-i'] },
    xsel: { file: 'xsel', args: ['--clipboard', '--input'] },
    clip: { file: 'clip.exe', args: [] },
  };

const WSL_DIRS = ['/mnt/c/Windows/System32'];

function isSsh(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SSH_CONNECTION || env.SSH_TTY || env.SSH_CLIENT);
}

function isWsl(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  return platform === 'linux' && Boolean(env.WSL_DISTRO_NAME || env.WSL_INTEROP);
}

/** Whether this terminal certainly cannot take an OSC 52 copy. */
export function clipboardUnsupported(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'linux' || env.TERM === 'dumb' || env.TERM_PROGRAM === 'Apple_Terminal';
}

/** The OSC 52 sequence that asks the terminal to put `text` on the clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** The system commands worth trying here, in order: none over SSH, where OSC 52 reaches the user's machine. */
export function systemCopiers(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): SystemCopier[] {
  if (isSsh(env)) return [];
  if (platform === 'darwin') return ['pbcopy'];
  if (platform === 'win32') return ['clip'];
  const copiers: SystemCopier[] = [];
  if (isWsl(env, platform)) copiers.push('clip');
  if (env.WAYLAND_DISPLAY) copiers.push('wl-copy');
  if (env.DISPLAY) copiers.push('xclip', 'xsel');
  return copiers;
}

/** The system's own folders for a command on this platform. */
function systemDirs(copier: SystemCopier, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (copier !== 'clip') return [...SYSTEM_DIRS];
  if (platform !== 'win32') return WSL_DIRS;
  // SystemRoot comes from the environment: only an absolute one counts.
  const root = env.SystemRoot ?? env.SYSTEMROOT;
  return [win32.join(root && win32.isAbsolute(root) ? root : 'C:\\Windows', 'System32')];
}

/** Runs a copy command with the text on stdin; true when it ends well within the time limit. */
function runCopier(
  path: string,
  args: readonly string[],
  input: { readonly text: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number },
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(path, args, {
        // No pipes but stdin: xclip, xsel and wl-copy leave a child behind to serve the clipboard.
        stdio: ['pipe', 'ignore', 'ignore'],
        env: input.env,
        cwd: dirname(path),
        shell: false,
        windowsHide: true,
        timeout: input.timeoutMs,
        killSignal: 'SIGKILL',
      });
      child.on('error', () => resolve(false));
      child.on('exit', (code, signal) => resolve(code === 0 && signal === null));
      child.stdin.on('error', () => undefined);
      child.stdin.end(input.text);
    } catch {
      resolve(false);
    }
  });
}

/** Copies `text`: a system command where one works, else OSC 52 where the terminal may take it, else none. */
export async function copyText(
  text: string,
  env: NodeJS.ProcessEnv,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const platform = options.platform ?? process.platform;
  const failed: SystemCopier[] = [];
  for (const copier of systemCopiers(env, platform)) {
    const { file, args } = COMMANDS[copier];
    const path = findCommand(file, options.searchDirs ?? systemDirs(copier, env, platform));
    if (!path) continue;
    if (await runCopier(path, args, { text, env, timeoutMs: options.timeoutMs ?? 3000 })) {
      return { method: copier, failed };
    }
    failed.push(copier);
  }
  const out = options.out ?? process.stdout;
  if (out.isTTY && !clipboardUnsupported(env)) {
    out.write(osc52(text));
    return { method: 'osc52', failed };
  }
  return { method: 'none', failed };
}

/** The sentence that tells the user how the text was copied, or that it must be selected on screen. */
export function copyNotice(result: CopyResult, content: Content): string {
  const text = content.clipboard;
  if (result.method === 'osc52') return text.osc52;
  if (result.method === 'none') return text.none;
  return fill(text.copied, { command: COMMANDS[result.method].file });
}
