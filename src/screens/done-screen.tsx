import { CodeBlock } from '../components/code-block.js';
import { breakUrl, fitCommand } from '../components/layout.js';
import { BareUrl } from '../components/page-link.js';
import { useUi } from '../components/ui-options.js';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { useScreenKeys, useWizardControls } from '../hooks/use-screen-keys.js';
import type { Shell } from '../text/shell.js';
import { detectShell, keepKeyLine } from '../text/shell.js';
import type { Step } from '../wizard/steps.js';
import { PAGES } from '../wizard/steps.js';
import { navHints, nodeBlock, plainLine, type ScreenBlock, ScreenFrame, textBlock } from './screen-frame.js';

type Props = {
  readonly step: Step;
  readonly content: Content;
  readonly notice?: string;
  readonly shell: Shell | undefined;
  /** Copies text; resolves with the sentence saying how (or that it could not). */
  readonly copy: ((text: string) => Promise<string>) | undefined;
  readonly onNotice: (notice: string) => void;
  /** Practice mode (--demo): the end says that no real key or credit was checked. */
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
  const ui = useUi();
  const line = fitCommand([keep.line], ui.columns);
  const url = (id: string, address: string) =>
    nodeBlock(id, breakUrl(address, ui.columns)?.length ?? 0, <BareUrl url={address} />, { role: 'more' });
  const blocks: ScreenBlock[] = [
    ...(practice ? [textBlock('practice', text.practice, ui, { tone: 'warning', margin: true })] : []),
    plainLine('keep', fill(text.keepKey, { shell: keep.label }), ui, { margin: true }),
    plainLine('where', keep.file ? fill(text.keepKeyFile, { file: keep.file }) : text.keepKeyCommand, ui),
    line
      ? nodeBlock('line', line.split('\n').length, <CodeBlock code={line} />)
      : textBlock('line', text.lineTooWide, ui),
    textBlock('note', text.keepKeyNote, ui, { tone: 'hint', role: 'more' }),
    textBlock('history', `- ${text.history}`, ui, { margin: true, role: 'more' }),
    textBlock('git', `- ${text.git}`, ui, { role: 'more' }),
    textBlock('revoke', `- ${text.revoke}`, ui, { role: 'more' }),
    url('keys', PAGES.apiKeys),
    textBlock('limits', `- ${text.limits}`, ui, { role: 'more' }),
    url('limits-url', PAGES.limits),
    url('usage-url', PAGES.usage),
  ];
  return (
    <ScreenFrame
      step={step}
      content={content}
      notice={notice}
      hints={navHints(content, step, [
        ['Enter', h.finish],
        ['c', h.copy],
      ])}
      blocks={blocks}
    />
  );
}
