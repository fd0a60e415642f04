import { Box, Text } from 'ink';
import { RichText } from './rich-text.js';
import { theme } from './theme.js';
import { useUi } from './ui-options.js';

/** One option of a choice. */
export type ChoiceOption = { readonly value: string; readonly label: string };

type Props = {
  readonly options: readonly ChoiceOption[];
  /** The highlighted option. */
  readonly selected: number;
};

/** A vertical list of options with a pointer; radio buttons for screen readers. */
export function ChoiceList({ options, selected }: Props) {
  const { ascii, columns } = useUi();
  return (
    <Box flexDirection="column" aria-role="list">
      {options.map((option, index) => {
        const isSelected = index === selected;
        const pointer = isSelected ? (ascii ? '>' : '❯') : ' ';
        return (
          <Box
            key={option.value}
            aria-role="radio"
            aria-state={{ checked: isSelected }}
            aria-label={option.label.replace(/`/g, '')}
          >
            <Text {...(isSelected ? theme.selected : {})}>{`${pointer} `}</Text>
            <RichText text={option.label} columns={Math.max(1, columns - 2)} />
          </Box>
        );
      })}
    </Box>
  );
}
