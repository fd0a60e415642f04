/** The plain-text guide: every step numbered, with labels and URLs, then how to run the test call. */
import { curlCommand, DEFAULT_BASE_URL } from '../api/request.js';
import { asciiFold, contentFor, fill, plain } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { type Flow, PERSONAL_FLOW, stepText } from '../wizard/flow.js';

/** The whole guide as text, ready to print or pipe. */
export function printGuide(
  locale: Locale,
  options: { ascii: boolean; baseUrl?: string; model?: string; flow?: Flow },
): string {
  const content = contentFor(locale);
  const text = content.print;
  const lines: string[] = [
    text.title,
    '',
    text.intro,
    fill(content.meta.labelsCheckedNote, { date: content.meta.labelsCheckedOn }),
    '',
  ];
  const flow = options.flow ?? PERSONAL_FLOW;
  flow.steps.forEach((step, index) => {
    const s = stepText(step, content, flow.vars);
    lines.push(`${index + 1}. ${s.title}`);
    // Plain text has no screen to fit: the longer explanation is printed too.
    for (const paragraph of [...s.body, ...s.more]) lines.push(`   ${plain(paragraph, '"')}`);
    if (step.id === 'card' || step.id === 'confirm') lines.push(`   ${content.steps.card.declined}`);
    if (s.labels.length > 0) {
      lines.push(`   ${fill(text.lookFor, { labels: s.labels.map((label) => `"${label}"`).join(', ') })}`);
    }
    // The URL stands alone on its line so that it copies cleanly.
    if (step.url) lines.push(`   ${text.page}`, step.url);
    lines.push('');
  });
  lines.push(
    text.testTitle,
    text.testBody,
    '',
    'openai-topup check',
    '',
    curlCommand(options.baseUrl ?? DEFAULT_BASE_URL, options.model ?? 'gpt-4o-mini', false),
    '',
    text.testPractice,
    '',
    'openai-topup check --demo',
    'openai-topup serve',
    '',
    text.interactive,
    '',
  );
  const out = lines.join('\n');
  return options.ascii ? asciiFold(out) : out;
}
