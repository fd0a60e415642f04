/**
 * Where progress is kept: the platform's config folder for openai-topup (env-paths, a small well-kept
 * library that knows XDG on Linux, Library/Preferences on macOS and APPDATA on Windows).
 */
import { join } from 'node:path';
import envPaths from 'env-paths';

/** The progress files: one for real runs, one for `--demo` runs. */
export type ProgressPaths = { readonly dir: string; readonly progress: string; readonly demo: string };

/** The progress file paths. env-paths reads XDG_CONFIG_HOME and friends from the process environment. */
export function progressPaths(_env: NodeJS.ProcessEnv = process.env): ProgressPaths {
  const dir = envPaths('openai-topup', { suffix: '' }).config;
  return { dir, progress: join(dir, 'progress.json'), demo: join(dir, 'progress-demo.json') };
}
