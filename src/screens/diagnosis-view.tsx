import { Box } from 'ink';
import type { Explanation } from '../api/explain.js';
import { CodeBlock } from '../components/code-block.js';
import { breakUrl, fitCommand } from '../components/layout.js';
import { BareUrl } from '../components/page-link.js';
import type { UiOptions } from '../components/ui-options.js';
import { type Content, fill } from '../content/content.js';
import { nodeBlock, plainLine, type ScreenBlock, textBlock } from './screen-frame.js';

type Options = {
  readonly content: Content;
  readonly ui: Pick<UiOptions, 'columns' | 'color' | 'ascii'>;
  /** The wait for credit ended without credit. */
  readonly gaveUp: boolean;
  /** How long the wizard waits for credit, for the sentence that says it gave up. */
  readonly minutes: number;
  /** The answer came from the practice server. */
  readonly practice: boolean;
};

/**
 * A failed test call as blocks: what it means, what to do, what helps for each cause, a line to run where one
 * helps, the pages that help, the server's own words, and whether trying again helps. Every sentence comes
 * filled from explain(): this adds no words of its own. What it means and what to do stay on screen; the
 * other causes, the server's words and the addresses move behind Tab when the screen is short.
 */
export function diagnosisBlocks(explanation: Explanation, options: Options): ScreenBlock[] {
  const { content, ui } = options;
  const blocks: ScreenBlock[] = [
    textBlock('failure', `✗ ${explanation.title}`, ui, { tone: 'error', margin: true }),
  ];
  if (options.practice)
    blocks.push(textBlock('practice', content.steps['test-call'].practiceResult, ui, { tone: 'warning' }));
  blocks.push(textBlock('meaning', explanation.meaning, ui), textBlock('action', explanation.action, ui));
  if (options.gaveUp) {
    blocks.push(
      textBlock('gave-up', fill(content.outcomes['no-credit'].waitGaveUp, { minutes: options.minutes }), ui, {
        tone: 'warning',
      }),
    );
  }
  explanation.notes.forEach((note, index) => {
    blocks.push(textBlock(`note-${index}`, note, ui, { role: 'more' }));
  });
  if (explanation.command) {
    const { intro, line, after } = explanation.command;
    // A line to run is drawn only where it fits whole; else the sentence around it still says what to do.
    const shown = fitCommand([line], ui.columns);
    blocks.push(
      nodeBlock(
        'command',
        (shown ? shown.split('\n').length : 0) + 0,
        <Box flexDirection="column">{shown ? <CodeBlock code={shown} /> : null}</Box>,
        { role: 'more' },
      ),
    );
    blocks.splice(blocks.length - 1, 0, textBlock('command-intro', intro, ui, { role: 'more' }));
    blocks.push(textBlock('command-after', after, ui, { tone: 'hint', role: 'more' }));
  }
  explanation.links.forEach((link) => {
    // The label on its line, the address alone on the next ones, broken only after a slash.
    blocks.push(
      nodeBlock(
        `link-${link.url}`,
        1 + (breakUrl(link.url, ui.columns)?.length ?? 0),
        <Box flexDirection="column">
          {plainLine('label', fill(content.diagnosis.linkLabel, { label: link.label }), ui).node}
          <BareUrl url={link.url} />
        </Box>,
        { role: 'more' },
      ),
    );
  });
  // The server's words are drawn as they are: a backtick in them is not one of our label marks.
  if (explanation.serverMessage) {
    blocks.push(
      plainLine('server', `${content.diagnosis.serverSaid} ${explanation.serverMessage}`, ui, {
        tone: 'hint',
        role: 'more',
      }),
    );
  }
  blocks.push(textBlock('retry', explanation.retry, ui, { tone: 'hint' }));
  return blocks;
}
