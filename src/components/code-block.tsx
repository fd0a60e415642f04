import { Text } from 'ink';

type Props = {
  /** Lines to copy as they are: never wrapped by us, never indented, no borders. */
  readonly code: string;
};

/** A command shown so that selecting it copies cleanly: no borders, no indentation, no added breaks. */
export function CodeBlock({ code }: Props) {
  return <Text wrap="wrap">{code}</Text>;
}
