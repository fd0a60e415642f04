import type { Flags } from '../args.js';

/** `openai-topup serve`. */
export async function runServe(_flags: Flags): Promise<number> {
  throw new Error('serve is not built yet');
}
