/**
 * The front door: the `openai-topup` command (dist/openai-topup.cjs). CommonJS and small, so that it costs
 * nothing to pass through. `check` runs from one CommonJS file (src/commands/check-main.ts says why); every
 * other command starts the ES module entry (src/cli.ts), where the wizard and Ink live.
 */
import { commandWord } from './commands/flags.js';

const args = process.argv.slice(2);
// The word first, the flag table only then: most runs (the wizard) skip reading the command line twice.
if (args.includes('check') && commandWord(args) === 'check') {
  (require('./chunks/check-main.cjs') as typeof import('./commands/check-main.js')).main();
} else {
  void import('./cli.js');
}
