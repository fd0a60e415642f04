import { Box, Text } from 'ink';
import { asciiFold } from '../content/content.js';
import { WIREFRAMES, type WireframeName } from '../wizard/wireframes.js';
import { quoteInPicture } from './label-marker.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

/** Columns a wide picture needs; narrower terminals get the 36-column one. */
export const WIDE_PICTURE_COLUMNS = 60;

/** The picture lines for a terminal this wide. */
export function pictureLines(name: WireframeName, columns: number): readonly string[] {
  const picture = WIREFRAMES[name];
  return columns >= WIDE_PICTURE_COLUMNS ? picture.wide : picture.narrow;
}

type Props = {
  readonly name: WireframeName;
  /** The platform label to highlight, as it appears in the picture. */
  readonly mark: string;
};

/** A small text picture of the platform's page with the thing to click or fill highlighted. */
export function Wireframe({ name, mark }: Props) {
  const { ascii, color, columns } = useUi();
  const lines = pictureLines(name, columns);
  return (
    <Box flexDirection="column" aria-hidden>
      {lines.map((line, index) => {
        const shown = ascii ? asciiFold(line) : line;
        const at = shown.indexOf(mark);
        // Without colour the label is quoted, as in the sentences, and the line keeps its width.
        const parts =
          at < 0
            ? undefined
            : color
              ? { before: shown.slice(0, at), label: mark, after: shown.slice(at + mark.length) }
              : quoteInPicture(shown, at, mark);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed picture
          <Text key={index} wrap="truncate">
            {parts === undefined ? (
              shown
            ) : (
              <>
                {parts.before}
                <Text {...theme.label}>{parts.label}</Text>
                {parts.after}
              </>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
