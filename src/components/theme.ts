/** Every colour and weight the views use, in one place: views name a role, never a colour. */
import type { TextProps } from 'ink';

type Style = Pick<TextProps, 'color' | 'bold' | 'dimColor' | 'inverse' | 'underline'>;

export const theme = {
  title: { bold: true },
  label: { color: 'cyan', bold: true },
  key: { bold: true },
  hint: { dimColor: true },
  url: { color: 'blue' },
  done: { color: 'green' },
  current: { color: 'cyan', bold: true },
  todo: { dimColor: true },
  selected: { color: 'cyan', bold: true },
  warning: { color: 'yellow' },
  error: { color: 'red' },
  success: { color: 'green', bold: true },
  reply: { color: 'magenta' },
  field: { bold: true },
  cursor: { inverse: true },
} as const satisfies Record<string, Style>;
