import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { call } from '../api/client';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ChooseStaffScreen } from '../features/staff/ChooseStaffScreen';
import { FirstRunScreen } from '../features/staff/FirstRunScreen';
import { useStaffList } from '../features/staff/queries';
import { rememberedActorId, useActorSession } from '../session/actor';
import { queryKeys } from './queryKeys';

/** Shows the app only once someone has said who they are (or created the first account). */
export function StartGate({ children }: { children: ReactNode }) {
  const { actor, setActor } = useActorSession();
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}) });
  const hasStaff = (info.data?.staffCount ?? 0) > 0;
  const staff = useStaffList(false, hasStaff && !actor);

  useEffect(() => {
    if (actor || !staff.data) return;
    const remembered = staff.data.find((s) => s.id === rememberedActorId());
    if (remembered) setActor(remembered);
  }, [actor, staff.data, setActor]);

  if (actor) return children;
  if (info.isPending) return <Loading label="Opening the clinic database" />;
  if (info.isError) {
    return (
      <CenteredCard title="The database could not be opened">
        <ErrorNotice error={info.error} />
      </CenteredCard>
    );
  }
  return hasStaff ? <ChooseStaffScreen /> : <FirstRunScreen databasePath={info.data.databasePath} />;
}
