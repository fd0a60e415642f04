/**
 * The commands that print and end (help, --print, team, serve, --version, a usage error), loaded as one module:
 * one lazy entry rather than one for each keeps the bundle's chunks few, and every chunk on the way to the
 * first screen is one more file read before it (README, Performance).
 */
import pkg from '../../package.json' with { type: 'json' };

export { usageReport } from '../api/usage-report.js';
export { progressPaths } from '../store/paths.js';
export { teamCall } from '../team/call.js';
export { consentPath } from '../team/consent.js';
export { toolCommand } from '../text/shell-quote.js';
export { helpText } from './help.js';
export { printGuide, printTeamFor } from './print.js';
export { runServe } from './serve.js';
export { runTeamCheck, runTeamInit } from './team.js';

/** The package's version, for --version. */
export const version: string = pkg.version;
