import { Alert, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import type { Protocol, ProtocolFields } from '../../../shared/schemas/protocol';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ProtocolForm } from './ProtocolForm';
import { useProtocolMutation, useProtocols } from './queries';

const blank: ProtocolFields = {
  name: '', target: 'left_dlpfc', coil: 'Figure-8', pattern: 'rtms', intensityPctMt: 120, frequencyHz: 10,
  burstFrequencyHz: null, pulsesPerBurst: null, trainDurationS: 4, interTrainIntervalS: 26, trains: 75,
  safetyOverrideReason: '', sessionsPerDay: 1, minMinutesBetweenSessions: null, defaultPlannedSessions: 36, billingScheme: 'per_session', reference: '', notes: '',
};

export function protocolToFields(p: Protocol): ProtocolFields {
  return {
    name: p.name, target: p.target, coil: p.coil, pattern: p.pattern, intensityPctMt: p.intensityPctMt, frequencyHz: p.frequencyHz,
    burstFrequencyHz: p.burstFrequencyHz, pulsesPerBurst: p.pulsesPerBurst, trainDurationS: p.trainDurationS,
    interTrainIntervalS: p.interTrainIntervalS, trains: p.trains, safetyOverrideReason: '', sessionsPerDay: p.sessionsPerDay,
    minMinutesBetweenSessions: p.minMinutesBetweenSessions, defaultPlannedSessions: p.defaultPlannedSessions, billingScheme: p.billingScheme,
    reference: p.reference, notes: p.notes,
  };
}

export function ProtocolNewScreen() {
  const navigate = useNavigate();
  const create = useProtocolMutation('protocols:create');
  return (
    <Stack>
      <Title order={1} size="h2">New protocol</Title>
      <ProtocolForm
        initial={blank}
        submitLabel="Save protocol"
        onCancel={() => navigate('/protocols')}
        onSubmit={async (values) => {
          await create.mutateAsync(values);
          navigate('/protocols');
        }}
      />
    </Stack>
  );
}

export function ProtocolReviseScreen() {
  const navigate = useNavigate();
  const id = Number(useParams().protocolId);
  const protocols = useProtocols(true);
  const revise = useProtocolMutation('protocols:revise');
  if (protocols.isPending) return <Loading />;
  const protocol = protocols.data?.find((p) => p.id === id);
  if (!protocol) return <ErrorNotice error={protocols.error ?? 'There is no such protocol.'} />;
  return (
    <Stack>
      <Title order={1} size="h2">Revise {protocol.name}</Title>
      <Alert variant="light" color="blue">
        Revision {protocol.revision} stays as it is for the courses that use it. Saving creates revision {protocol.revision + 1}.
      </Alert>
      <Text size="sm" c="dimmed">Courses already prescribed keep the parameters copied at prescription.</Text>
      <ProtocolForm
        initial={protocolToFields(protocol)}
        submitLabel={`Save as revision ${protocol.revision + 1}`}
        onCancel={() => navigate('/protocols')}
        onSubmit={async (values) => {
          await revise.mutateAsync({ ...values, id });
          navigate('/protocols');
        }}
      />
    </Stack>
  );
}
