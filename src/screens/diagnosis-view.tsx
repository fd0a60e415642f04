import { Box, Text } from 'ink';
import type { Explanation } from '../api/explain.js';
import { CodeBlock } from '../components/code-block.js';
import { RichText } from '../components/rich-text.js';
import { theme } from '../components/theme.js';
import { type Content, fill } from '../content/content.js';

type Props = {
  readonly explanation: Explanation;
  readonly content: Content;
  /** The wait for credit ended without credit. */
  readonly gaveUp: boolean;
  /** How long the wizard waits for credit, for the sentence that says it gave up. */
  readonly minutes: number;
  /** The answer came from the practice server. */
  readonly practice: boolean;
};

/**
 * A failed test call: what it means, what to do, what helps for each cause, a line to run where one helps,
 * the pages that help, the server's own words, and whether trying again helps. Every sentence comes filled
 * from explain(): this view adds no words of its own.
 */
export function DiagnosisView({ explanation, content, gaveUp, minutes, practice }: Props) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <RichText text={`✗ ${explanation.title}`} tone="error" />
      {practice ? <RichText text={content.steps['test-call'].practiceResult} tone="warning" /> : null}
      <RichText text={explanation.meaning} />
      <RichText text={explanation.action} />
      {gaveUp ? (
        <RichText text={fill(content.outcomes['no-credit'].waitGaveUp, { minutes })} tone="warning" />
      ) : null}
      {explanation.notes.map((note) => (
        <RichText key={note} text={note} />
      ))}
      {explanation.command ? (
        <Box flexDirection="column">
          <RichText text={explanation.command.intro} />
          <CodeBlock code={explanation.command.line} />
          <RichText text={explanation.command.after} tone="hint" />
        </Box>
      ) : null}
      {explanation.links.map((link) => (
        // Drawn as plain text, not RichText: the address is shown as it is and copies whole.
        <Text key={link.url} wrap="wrap">
          {fill(content.diagnosis.linkLine, { label: link.label, url: link.url })}
        </Text>
      ))}
      {explanation.serverMessage ? (
        // The server's words are drawn as they are: a backtick in them is not one of our label marks.
        <Text
          wrap="wrap"
          {...theme.hint}
        >{`${content.diagnosis.serverSaid} ${explanation.serverMessage}`}</Text>
      ) : null}
      <RichText text={explanation.retry} tone="hint" />
    </Box>
  );
}
