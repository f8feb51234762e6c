import { Alert, Anchor, List } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';

interface InvalidField {
  id: string;
  label: string;
}

function labelOf(el: HTMLElement): string {
  const labelled = el.getAttribute('aria-labelledby');
  const byId = labelled ? document.getElementById(labelled)?.textContent : null;
  const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? byId ?? el.getAttribute('aria-label') ?? el.id;
  // Mantine adds " *" to required fields' labels.
  return label.replace(/\s*\*\s*$/, '').trim();
}

/**
 * After a save that failed, wherever the first error stands: scrolls to the first field in error
 * and focuses it, and shows a summary naming every field in error (each a link to its field).
 * A failure with no field in error scrolls to and focuses the form's alert instead. Works on any
 * form whose fields mark themselves `aria-invalid` (Mantine does, from `error`).
 */
export function useErrorSummary(): { formRef: React.RefObject<HTMLFormElement | null>; failed: () => void; summary: ReactNode } {
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [fields, setFields] = useState<InvalidField[]>([]);

  useEffect(() => {
    if (attempt === 0) return;
    // After this render: the fields have their errors now.
    const frame = requestAnimationFrame(() => {
      const form = formRef.current;
      if (!form) return;
      const invalid = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].filter((el) => el.id);
      setFields(invalid.map((el) => ({ id: el.id, label: labelOf(el) })));
      const target = invalid[0] ?? form.querySelector<HTMLElement>('[role="alert"]');
      if (!target) return;
      if (!target.hasAttribute('tabindex') && !invalid[0]) target.tabIndex = -1;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [attempt]);

  // The summary follows the fields: once every field is fixed it goes.
  const stillInvalid = fields.filter((f) => document.getElementById(f.id)?.getAttribute('aria-invalid') === 'true');
  const summary =
    stillInvalid.length > 0 ? (
      <Alert color="red" variant="light" title={stillInvalid.length === 1 ? 'Not saved: 1 field needs attention' : `Not saved: ${stillInvalid.length} fields need attention`} data-testid="error-summary">
        <List size="sm">
          {stillInvalid.map((f) => (
            <List.Item key={f.id}>
              <Anchor
                href={`#${f.id}`}
                size="sm"
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(f.id);
                  el?.scrollIntoView({ block: 'center' });
                  el?.focus({ preventScroll: true });
                }}
              >
                {f.label}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Alert>
    ) : null;

  return { formRef, failed: () => setAttempt((n) => n + 1), summary };
}
