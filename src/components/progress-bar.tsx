import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { asciiFold, fill } from '../content/content.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

type Props = {
  /** 1-based number of the current step. */
  readonly number: number;
  readonly total: number;
  /** The step's short name in the chosen language. */
  readonly name: string;
  /** The progress template, `{n}/{total} {name}`. */
  readonly template: string;
};

/** One line: `4/14 Billing` and a bar that fills with the steps done. */
export function ProgressBar({ number, total, name, template }: Props) {
  const { ascii, columns, screenReader } = useUi();
  const label = fill(template, { n: number, total, name });
  if (screenReader) return <Text aria-role="progressbar">{label}</Text>;
  const width = Math.max(0, Math.min(28, columns - stringWidth(label) - 4));
  const filled = Math.min(width, Math.max(0, Math.round((width * number) / Math.max(1, total))));
  const bar = '━'.repeat(filled) + '░'.repeat(width - filled);
  return (
    <Box>
      <Text {...theme.title}>{label}</Text>
      {width >= 6 ? <Text {...theme.done}>{`  ${ascii ? asciiFold(bar) : bar}`}</Text> : null}
    </Box>
  );
}
