import { Box, Text } from 'ink';
import { CodeBlock } from '../components/code-block.js';
import { RichText } from '../components/rich-text.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import { detectShell, keepKeyLine } from '../system/shell.js';
import { PAGES } from '../wizard/steps.js';
import { navHints, ScreenFrame } from './screen-frame.js';
import type { ScreenProps } from './screen-props.js';

/** The end: how to keep the key set for this shell and safe, how to revoke it, where limits are set. */
export function DoneScreen({ step, content, notice, services, onNotice }: ScreenProps) {
  const text = content.steps.done;
  const keep = keepKeyLine(services.shell ?? detectShell({}));
  const { finish } = useWizardControls();
  useScreenKeys({
    next: finish,
    copy: () =>
      onNotice(
        services.copy?.(keep.line)
          ? content.steps['test-call'].copied
          : content.steps['test-call'].copyUnsupported,
      ),
  });
  const h = content.ui.hints;
  return (
    <ScreenFrame
      step={step}
      content={content}
      notice={notice}
      hints={navHints(content, step, [
        ['Enter', h.finish],
        ['c', h.copy],
      ])}
    >
      <Box flexDirection="column" marginTop={1}>
        <Text>{fill(text.keepKey, { shell: keep.label })}</Text>
        <Text>{keep.file ? fill(text.keepKeyFile, { file: keep.file }) : text.keepKeyCommand}</Text>
        <CodeBlock code={keep.line} />
        <RichText text={text.keepKeyNote} tone="hint" />
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <RichText text={`- ${text.history}`} />
        <RichText text={`- ${text.git}`} />
        <RichText text={`- ${text.revoke}`} />
        <Text wrap="wrap">{PAGES.apiKeys}</Text>
        <RichText text={`- ${text.limits}`} />
        <Text wrap="wrap">{PAGES.limits}</Text>
        <Text wrap="wrap">{PAGES.usage}</Text>
      </Box>
    </ScreenFrame>
  );
}
