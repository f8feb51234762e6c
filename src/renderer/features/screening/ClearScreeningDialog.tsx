import { List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type SafetyScreening, screeningQuestionShort } from '../../../shared/schemas/screening';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useActor } from '../../session/auth';
import { useReadinessMutation } from './queries';

/** The signed-in psychiatrist clears the screening; in writing when an answer is positive. */
export function ClearScreeningDialog({ screening, onClose }: { screening: SafetyScreening | null; onClose(): void }) {
  return screening ? <ClearForm key={screening.id} screening={screening} onClose={onClose} /> : null;
}

function ClearForm({ screening, onClose }: { screening: SafetyScreening; onClose(): void }) {
  const actor = useActor();
  const clear = useReadinessMutation('screening:clear');
  const { formError, run, errorFor } = useServerForm();
  const [clearance, setClearance] = useState('');
  const positive = screening.positive.length > 0;
  const submit = async () => {
    if (await run(() => clear.mutateAsync({ screeningId: screening.id, clearance }), { clearance })) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Clear the safety screening" centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          {positive ? (
            <>
              <Text size="sm">Positive answers:</Text>
              <List size="sm">{screening.positive.map((q) => <List.Item key={q}>{screeningQuestionShort[q]}</List.Item>)}</List>
              {screening.details && <Text size="sm">Details: {screening.details}</Text>}
            </>
          ) : (
            <Text size="sm">Every answer is no.</Text>
          )}
          <Textarea
            label={positive ? 'Written clearance (required)' : 'Note (optional)'}
            placeholder={positive ? 'Why TMS is safe for this patient despite the positive answer' : ''}
            autosize minRows={2} data-autofocus value={clearance} onChange={(e) => setClearance(e.currentTarget.value)} error={errorFor('clearance', clearance)}
          />
          <Text size="xs" c="dimmed">Cleared by {actor.name}, signed in.</Text>
          <ErrorNotice error={formError} title="Not cleared" />
        </Stack>
        <DialogActions onClose={onClose} label="Clear for TMS" loading={clear.isPending} />
      </form>
    </Modal>
  );
}
