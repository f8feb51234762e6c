import { Checkbox, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type Control, Controller } from 'react-hook-form';
import {
  adverseEventLabels,
  adverseEvents,
  type SessionFields,
  type severities,
  sideEffectLabels,
  sideEffects,
} from '../../../shared/schemas/session';

type Severity = (typeof severities)[number];

/** The standard side effects, each with a severity (none unless chosen). */
export function SideEffectsField({ control }: { control: Control<SessionFields> }) {
  return (
    <Controller
      control={control}
      name="sideEffects"
      render={({ field }) => {
        const severityOf = (effect: string) => field.value.find((s) => s.effect === effect)?.severity ?? 'none';
        const set = (effect: (typeof sideEffects)[number], severity: Severity | 'none') =>
          field.onChange([
            ...field.value.filter((s) => s.effect !== effect),
            ...(severity === 'none' ? [] : [{ effect, severity }]),
          ]);
        return (
          <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
            {sideEffects.map((effect) => (
              <div key={effect} role="group" aria-label={sideEffectLabels[effect]}>
                <Text size="sm">{sideEffectLabels[effect]}</Text>
                <SegmentedControl
                  size="xs"
                  fullWidth
                  value={severityOf(effect)}
                  onChange={(v) => set(effect, v as Severity | 'none')}
                  data={[
                    { value: 'none', label: 'None' },
                    { value: 'mild', label: 'Mild' },
                    { value: 'moderate', label: 'Moderate' },
                    { value: 'severe', label: 'Severe' },
                  ]}
                />
              </div>
            ))}
          </SimpleGrid>
        );
      }}
    />
  );
}

/** Serious adverse events: any one flags the course for a psychiatrist's review. */
export function AdverseEventsField({ control }: { control: Control<SessionFields> }) {
  return (
    <Controller
      control={control}
      name="adverseEvents"
      render={({ field }) => (
        <Stack gap={6}>
          {adverseEvents.map((event) => {
            const current = field.value.find((e) => e.event === event);
            return (
              <div key={event}>
                <Checkbox
                  label={adverseEventLabels[event]}
                  checked={Boolean(current)}
                  color="red"
                  onChange={(e) =>
                    field.onChange(
                      e.currentTarget.checked
                        ? [...field.value, { event, description: '' }]
                        : field.value.filter((x) => x.event !== event),
                    )
                  }
                />
                {current && (
                  <TextInput
                    ml={30}
                    mt={4}
                    size="xs"
                    placeholder="What happened, what was done"
                    aria-label={`${adverseEventLabels[event]} description`}
                    value={current.description}
                    onChange={(e) => {
                      const description = e.currentTarget.value;
                      field.onChange(field.value.map((x) => (x.event === event ? { ...x, description } : x)));
                    }}
                  />
                )}
              </div>
            );
          })}
        </Stack>
      )}
    />
  );
}
