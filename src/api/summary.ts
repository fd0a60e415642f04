/**
 * What a successful test call tells the user beyond the reply, in their language: cost, organization,
 * request id, rate limits, usage tier, and why it did not stream. One list for the wizard's success screen
 * and `check`'s summary. Pure.
 */
import { type Content, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { formatUsd, PRICE_TABLE } from './prices.js';
import { rateLimitLine, tierLine } from './rate-limits.js';
import type { CheckReport } from './report.js';

/** One line of the summary; `detail` lines are the first to give way where space is short. */
export type SummaryLine = { readonly text: string; readonly detail: boolean };

/** The lines after the reply, most important first. */
export function summaryLines(
  report: CheckReport,
  content: Content,
  locale: Locale,
  streamRefused = false,
): SummaryLine[] {
  const words = content.summary;
  const lines: SummaryLine[] = [];
  const model = report.model ?? '';
  // Only a refusal says why: a gateway that simply does not stream is no reason to verify anything.
  if (streamRefused) lines.push({ text: words.notStreamed, detail: false });
  if (report.usage) {
    const cost =
      report.costUsd === null
        ? fill(words.costUnknown, { model, date: PRICE_TABLE.asOf })
        : fill(words.cost, { cost: formatUsd(report.costUsd), date: PRICE_TABLE.asOf });
    lines.push({
      text: fill(words.tokens, {
        prompt: report.usage.prompt_tokens,
        completion: report.usage.completion_tokens,
        cost,
      }),
      detail: false,
    });
  }
  if (report.organization)
    lines.push({ text: fill(words.organization, { organization: report.organization }), detail: true });
  const limits = rateLimitLine(model, report.rateLimits, content, locale);
  if (limits) lines.push({ text: limits, detail: true });
  const tier = tierLine(model, report.rateLimits, content);
  if (tier) lines.push({ text: tier, detail: true });
  if (report.latencyMs) {
    const { firstToken, total } = report.latencyMs;
    lines.push({
      text:
        firstToken === null
          ? fill(words.latencyTotal, { total })
          : fill(words.latency, { firstToken, total }),
      detail: true,
    });
  }
  if (report.requestId)
    lines.push({ text: fill(words.requestId, { requestId: report.requestId }), detail: true });
  return lines;
}

/** The same, as plain lines (for `check`). */
export function successLines(
  report: CheckReport,
  content: Content,
  locale: Locale,
  streamRefused = false,
): string[] {
  return summaryLines(report, content, locale, streamRefused).map((line) => line.text);
}
