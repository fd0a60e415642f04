import { Box, Text } from 'ink';
import type { Explanation } from '../api/explain.js';
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

/** A failed test call: what it means, what to do, the pages that help, whether trying again helps. */
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
      {explanation.links.map((url) => (
        <Text key={url} wrap="wrap">
          {url}
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
