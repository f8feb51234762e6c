import { Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useActor } from '../../session/auth';
import { useStaffList } from '../staff/queries';
import { useReadinessMutation } from './queries';

/** The patient's informed consent to the course: the date, the version of the consent text, who obtained it. */
export function ConsentDialog({ courseId, opened, onClose }: { courseId: number; opened: boolean; onClose(): void }) {
  return opened ? <ConsentForm courseId={courseId} onClose={onClose} /> : null;
}

function ConsentForm({ courseId, onClose }: { courseId: number; onClose(): void }) {
  const actor = useActor();
  const staff = useStaffList();
  const record = useReadinessMutation('consent:record');
  const { formError, run, errorFor } = useServerForm();
  const [consentedOn, setConsentedOn] = useState(localIsoDate(new Date()));
  const [consentVersion, setConsentVersion] = useState('');
  const [obtainedById, setObtainedById] = useState(String(actor.id));
  const clinicians = (staff.data ?? []).filter((s) => s.role !== 'admin');
  const submit = async () => {
    const done = await run(() => record.mutateAsync({ courseId, consentedOn, consentVersion, obtainedById: Number(obtainedById) }), { consentedOn, consentVersion, obtainedById });
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Record informed consent" centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label="Consent signed on" type="date" value={consentedOn} onChange={(e) => setConsentedOn(e.currentTarget.value)} error={errorFor('consentedOn', consentedOn)} />
            <TextInput label="Version of the consent text" placeholder="e.g. TMS consent v3 (2026)" data-autofocus value={consentVersion} onChange={(e) => setConsentVersion(e.currentTarget.value)} error={errorFor('consentVersion', consentVersion)} />
          </Group>
          <NativeSelect label="Obtained by" value={obtainedById} onChange={(e) => setObtainedById(e.currentTarget.value)} data={clinicians.map((s) => ({ value: String(s.id), label: s.name }))} error={errorFor('obtainedById', obtainedById)} />
          <ErrorNotice error={formError} title="Not recorded" />
        </Stack>
        <DialogActions onClose={onClose} label="Record consent" loading={record.isPending} />
      </form>
    </Modal>
  );
}
