import { Box, Text } from 'ink';
import { CodeBlock } from '../components/code-block.js';
import { RichText } from '../components/rich-text.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import type { Shell } from '../system/shell.js';
import { detectShell, keepKeyLine } from '../system/shell.js';
import type { Step } from '../wizard/steps.js';
import { PAGES } from '../wizard/steps.js';
import { navHints, ScreenFrame } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  readonly shell: Shell | undefined;
  /** Copies text; resolves with the sentence saying how (or that it could not). */
  readonly copy: ((text: string) => Promise<string>) | undefined;
  readonly onNotice: (notice: string) => void;
  /** Practice mode (--demo): say plainly that no real key or credit was checked. */
  readonly practice?: boolean;
};

/** The end: how to keep the key set for this shell and safe, how to revoke it, where limits are set. */
export function DoneScreen({ step, content, notice, shell, copy, onNotice, practice = false }: Props) {
  const text = content.steps.done;
  const keep = keepKeyLine(shell ?? detectShell({}));
  const { finish } = useWizardControls();
  useScreenKeys({
    next: finish,
    copy: () => void copy?.(keep.line).then(onNotice),
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
      {practice ? (
        <Box marginTop={1}>
          <RichText text={text.practice} tone="warning" />
        </Box>
      ) : null}
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
