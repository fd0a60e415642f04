import type { Flags } from '../args.js';

/** `openai-topup check`. */
export async function runCheck(_flags: Flags, _env: NodeJS.ProcessEnv): Promise<number> {
  throw new Error('check is not built yet');
}
