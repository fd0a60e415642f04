import { Text, Transform } from 'ink';
import { asciiFold, fill, type Vars } from '../content/content.js';
import { quoteLabel } from './label-marker.js';
import { dropWrapSpace } from './measure.js';
import { proseLines } from './prose-wrap.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

type Props = {
  /** A sentence from the locale file: `{name}` tokens and `backticked` platform labels. */
  readonly text: string;
  /** Values for the `{name}` tokens. */
  readonly vars?: Vars;
  /** A role from the theme for the whole sentence. */
  readonly tone?: keyof typeof theme;
  /** The width it is drawn in, when narrower than the screen's. */
  readonly columns?: number;
};

/** Draws one sentence of content: fills tokens, highlights platform labels, folds symbols in ASCII mode. */
export function RichText({ text, vars, tone, columns }: Props) {
  const ui = useUi();
  const { ascii, color } = ui;
  // Broken into lines here, so that labels, commands and URLs stay whole (Ink then wraps nothing).
  const filled = proseLines(fill(text, vars), columns ?? ui.columns, { color, ascii }).join('\n');
  const parts = filled.split('`');
  return (
    <Transform transform={dropWrapSpace}>
      <Text wrap="wrap" {...(tone ? theme[tone] : {})}>
        {parts.map((part, index) => {
          const shown = ascii ? asciiFold(part) : part;
          // Odd parts sit between backticks: a label spelled as the platform shows it.
          if (index % 2 === 1) {
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed sentence
              <Text key={index} {...theme.label}>
                {color ? shown : quoteLabel(shown)}
              </Text>
            );
          }
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed sentence
          return <Text key={index}>{shown}</Text>;
        })}
      </Text>
    </Transform>
  );
}
