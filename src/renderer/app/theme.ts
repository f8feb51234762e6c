import { createTheme, type CSSVariablesResolver, defaultVariantColorsResolver, Modal, type VariantColorsResolver } from '@mantine/core';

/** Warnings (partial session, re-measure, worse by 5): orange dark enough for small text on white (5.2:1). */
export const WARNING_COLOR = '#c2410c';

/**
 * Light badges and alerts: the palest tint behind the darkest shade, so small text stays above
 * 4.5:1 (Mantine's default tint leaves teal at 4.3:1).
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const palette = input.color ? input.theme.colors[input.color] : undefined;
  if (input.variant !== 'light' || !palette) return resolved;
  return { ...resolved, background: palette[0] ?? resolved.background, color: palette[9] ?? resolved.color, hover: palette[1] ?? resolved.hover };
};

/**
 * Mantine with contrast that meets WCAG 2.1 AA (4.5:1 for text), checked by axe in e2e: the
 * darker end of each colour for filled surfaces and text on white, dark text on light fills.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  autoContrast: true,
  luminanceThreshold: 0.45,
  variantColorResolver,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  components: {
    // Every dialog's × button has a name a screen reader can say (axe: button-name, critical).
    // Its header is a <header> element inside the dialog: without a role of its own axe counts a
    // second banner landmark beside the app's (landmark-no-duplicate-banner, landmark-unique).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' }, attributes: { header: { role: 'none' } } } }),
  },
});

/**
 * Mantine's "dimmed" grey (gray.6) reads at 3.3:1 on white; gray.7 reads at 8:1. Its error red
 * (red.6, a field's error and the text typed into it) reads at 3.3:1; red.9 at 5.9:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  // Dimmed text and placeholders at 4.5:1 or better on white (Mantine's default grey placeholder is 2.1:1).
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
