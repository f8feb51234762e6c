import { Modal, Stack, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { DialogActions } from './DialogActions';
import { ErrorNotice } from './ErrorNotice';
import { useServerForm } from './useServerForm';

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** What the action does, above the reason field. */
  intro: ReactNode;
  label: string;
  placeholder?: string;
  submitLabel: string;
  errorTitle: string;
  /** Saves with the typed reason; a rejected promise's field errors show under the field. */
  save(reason: string): Promise<unknown>;
  saving: boolean;
  onClose(): void;
}

/** A recorded, irreversible action that needs a reason (retire, mark entered in error…). */
export function ReasonDialog({ opened, title, intro, label, placeholder, submitLabel, errorTitle, save, saving, onClose }: ReasonDialogProps) {
  const { formError, run, errorFor } = useServerForm();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  const submit = async () => {
    if (await run(() => save(reason), { reason })) close();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          {intro}
          <Textarea label={label} description="Recorded with your name in the audit log." placeholder={placeholder} data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errorFor('reason', reason)} />
          <ErrorNotice error={formError} title={errorTitle} />
        </Stack>
        <DialogActions onClose={close} label={submitLabel} loading={saving} color="red" />
      </form>
    </Modal>
  );
}
