/**
 * Running the system's own commands (a clipboard tool, a browser opener) by absolute path from the folders
 * the system's package manager owns: never the current folder, never PATH, which may hold it (a cloned
 * repository can ship its own `xdg-open`).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** The system's own folders for commands on Unix-like systems (NixOS's last). */
export const SYSTEM_DIRS: readonly string[] = [
  '/usr/bin',
  '/bin',
  '/usr/local/bin',
  '/run/current-system/sw/bin',
];

/** The absolute path of a command in the given folders, if it is there as an executable file. */
export function findCommand(file: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    if (!isAbsolute(dir)) continue;
    const path = join(dir, file);
    try {
      if (!statSync(path).isFile()) continue;
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not there, or not runnable: try the next folder.
    }
  }
  return undefined;
}
