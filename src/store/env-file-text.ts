/** The sentences a screen shows for a `.env` plan, its result or its refusal, in the user's language. Pure. */
import { type Content, fill } from '../content/content.js';
import { cleanText } from '../text/sanitize.js';
import type { ApplyResult, EnvRefusal, PlanResult } from './env-file.js';

// Paths come from the user's folders, and a folder's name can hold anything: shown on one line, inert.
const shown = (path: string) => cleanText(path);

function refusalSentences(refusal: EnvRefusal, content: Content): string[] {
  const text = content.envFile.refused;
  const kinds = content.ui.storeNote.kinds as Record<string, string>;
  const special = refusal.reason === 'envSpecial' || refusal.reason === 'gitignoreSpecial';
  const detail = special ? (kinds[refusal.detail ?? ''] ?? kinds.other) : refusal.detail;
  const lines = [fill(text[refusal.reason], { path: shown(refusal.path), detail: shown(detail ?? '?') })];
  if (refusal.leftChanged) lines.push(fill(text.leftChanged, { path: shown(refusal.leftChanged) }));
  return lines;
}

/**
 * One sentence per line to show: for a plan, a heading then each file it will write and what happens to it;
 * for a result, what was written (or kept); for a refusal, its one reason. Never the key, only its mask.
 */
export function envFileSentences(result: PlanResult | ApplyResult, content: Content): string[] {
  if (result.kind === 'refused') return refusalSentences(result, content);
  if (result.kind === 'kept') {
    return [fill(content.envFile.done.kept, { path: shown(result.envPath), names: result.kept.join(', ') })];
  }
  if (result.kind === 'written') {
    const text = content.envFile.done;
    const lines: string[] = [];
    if (result.gitignore) {
      lines.push(
        fill(result.gitignore.created ? text.gitignoreNew : text.gitignoreAdd, {
          path: shown(result.gitignore.path),
        }),
      );
    }
    const vars = { path: shown(result.envPath), names: result.names.join(', ') };
    lines.push(fill(result.created ? text.envNew : text.envUpdate, vars));
    lines.push(fill(text.key, { key: result.maskedKey }));
    if (result.modeChanged) lines.push(text.mode);
    lines.push(text.use);
    return lines;
  }
  const text = content.envFile.plan;
  const lines = [text.heading];
  if (result.gitignore) {
    lines.push(
      fill(result.gitignore.exists ? text.gitignoreAdd : text.gitignoreNew, {
        path: shown(result.gitignore.path),
      }),
    );
  }
  const vars = { path: shown(result.envPath), names: result.names.join(', ') };
  lines.push(fill(result.envExists ? text.envUpdate : text.envNew, vars));
  lines.push(fill(text.key, { key: result.maskedKey }));
  if (result.replaces.length > 0) lines.push(fill(text.replace, { names: result.replaces.join(', ') }));
  if (result.keyLines > 1) lines.push(fill(text.keyLines, { count: result.keyLines }));
  if (result.modeFrom !== undefined)
    lines.push(fill(text.mode, { from: result.modeFrom.toString(8).padStart(3, '0') }));
  if (result.ignoredBy) lines.push(fill(text.ignored, { source: shown(result.ignoredBy) }));
  else if (!result.repository) lines.push(text.noRepository);
  return lines;
}
