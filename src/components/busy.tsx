import { Text } from 'ink';
import Spinner from 'ink-spinner';
import { useUi } from './ui-options.js';

type Props = {
  /** What is happening, in the user's language. */
  readonly label: string;
};

/** A spinner with a label; in screen-reader or ASCII mode, the label alone (no animation). */
export function Busy({ label }: Props) {
  const { screenReader, ascii } = useUi();
  if (screenReader || ascii) return <Text aria-role="timer">{label}</Text>;
  return (
    <Text>
      <Spinner type="dots" /> {label}
    </Text>
  );
}
