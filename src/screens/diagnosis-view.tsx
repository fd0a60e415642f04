import type { Explanation } from '../api/explain.js';
import { breakUrl } from '../components/layout.js';
import { BareUrl } from '../components/page-link.js';
import type { UiOptions } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import { nodeBlock, plainLine, type ScreenBlock, textBlock } from './screen-frame.js';

type Options = {
  readonly content: Content;
  readonly ui: Pick<UiOptions, 'columns' | 'color'>;
  /** The wait for credit ended without credit. */
  readonly gaveUp: boolean;
  /** How long the wizard waits for credit, for the sentence that says it gave up. */
  readonly minutes: number;
  /** The answer came from the practice server. */
  readonly practice: boolean;
};

/**
 * A failed test call as blocks: what it means and what to do stay; the other causes and the server's own
 * words move behind Tab when the screen is short.
 */
export function diagnosisBlocks(explanation: Explanation, options: Options): ScreenBlock[] {
  const { content, ui } = options;
  return [
    textBlock('failure', `✗ ${explanation.title}`, ui, { tone: 'error', margin: true }),
    ...(options.practice
      ? [textBlock('practice', content.steps['test-call'].practiceResult, ui, { tone: 'warning' })]
      : []),
    textBlock('meaning', explanation.meaning, ui),
    textBlock('action', explanation.action, ui),
    ...(options.gaveUp
      ? [
          textBlock(
            'gave-up',
            fill(content.outcomes['no-credit'].waitGaveUp, { minutes: options.minutes }),
            ui,
            {
              tone: 'warning',
            },
          ),
        ]
      : []),
    ...explanation.notes.map((note, index) => textBlock(`note-${index}`, note, ui, { role: 'more' })),
    ...explanation.links.map((url) =>
      nodeBlock(`link-${url}`, breakUrl(url, ui.columns)?.length ?? 0, <BareUrl url={url} />),
    ),
    // The server's words are drawn as they are: a backtick in them is not one of our label marks.
    ...(explanation.serverMessage
      ? [
          plainLine('server', `${content.diagnosis.serverSaid} ${explanation.serverMessage}`, ui, {
            tone: 'hint',
            role: 'more',
          }),
        ]
      : []),
    textBlock('retry', explanation.retry, ui, { tone: 'hint' }),
  ];
}
