// The peer: a minimal Ink app (a box, a title, a spinner, key hints), built the way openai-topup is built,
// to show what any Ink app costs to start on this machine.
import { Box, render, Text, useApp, useInput } from 'ink';
import Spinner from 'ink-spinner';

function Hello() {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return (
    <Box flexDirection="column">
      <Text bold>Hello from Ink</Text>
      <Text>
        <Spinner type="dots" /> waiting
      </Text>
      <Text dimColor>q quit</Text>
    </Box>
  );
}

render(<Hello />);
