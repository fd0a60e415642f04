/** The sentence above the done step's shell lines: where they go, for one line or several. Pure. */
import { type Content, fill } from './content.js';

/** "Add this line to ~/.bashrc:", "Add these lines to …", or the run-once forms when there is no file. */
export function keepWhere(
  keep: { readonly file?: string; readonly count: number },
  text: Content['steps']['done'],
): string {
  const many = keep.count > 1;
  if (keep.file) return fill(many ? text.keepKeyFileMany : text.keepKeyFile, { file: keep.file });
  return many ? text.keepKeyCommandMany : text.keepKeyCommand;
}
