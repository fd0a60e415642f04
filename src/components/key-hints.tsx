import { Text } from 'ink';
import { asciiFold } from '../content/content.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

/** A key and what it does here, e.g. ['Enter', 'next']. */
export type Hint = readonly [key: string, action: string];

type Props = {
  readonly hints: readonly Hint[];
};

/** The keys that work on this screen, on one wrapped line. */
export function KeyHints({ hints }: Props) {
  const { ascii } = useUi();
  const sep = ascii ? ' - ' : ' · ';
  return (
    <Text wrap="wrap">
      {hints.map(([key, action], index) => (
        <Text key={key}>
          {index > 0 ? <Text {...theme.hint}>{sep}</Text> : null}
          <Text {...theme.key}>{ascii ? asciiFold(key) : key}</Text>
          <Text {...theme.hint}>{` ${ascii ? asciiFold(action) : action}`}</Text>
        </Text>
      ))}
    </Text>
  );
}
