import { useParams } from 'react-router';

/** The :patientId route parameter as a number (0 when it is not a valid id: the service answers not found). */
export function usePatientIdParam(): number {
  const { patientId } = useParams();
  const id = Number(patientId);
  return Number.isInteger(id) && id > 0 ? id : 0;
}
