/**
 * The environment as the user gave it, and the colour decision made once from it. chalk (one instance: Ink's
 * and the first screen's) is told the level directly: it may have loaded before this module ran, and alone
 * it would ignore NO_COLOR and turn colour off for CI. FORCE_COLOR carries the same decision to anything else
 * that reads it. test/e2e/colour.test.ts holds both ways.
 */
import chalk, { type ColorSupportLevel } from 'chalk';
import { colorLevel } from '../system/terminal.js';

/** The environment before the changes below. */
export const userEnv: NodeJS.ProcessEnv = { ...process.env };

/** The colour level: 0 (none) to 3. */
export const color = colorLevel(userEnv, Boolean(process.stdout.isTTY));
process.env.FORCE_COLOR = String(color);
chalk.level = Math.min(color, 3) as ColorSupportLevel;
