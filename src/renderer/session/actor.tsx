import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Staff } from '../../shared/schemas/staff';

const STORAGE_KEY = 'tms.actingStaffId';

interface ActorState {
  actor: Staff | null;
  setActor(staff: Staff | null): void;
}

const ActorContext = createContext<ActorState | null>(null);

/** The staff member every write in this window is recorded under; chosen at start. */
export function ActorProvider({ children }: { children: ReactNode }) {
  const [actor, setActorState] = useState<Staff | null>(null);
  const setActor = useCallback((staff: Staff | null) => {
    setActorState(staff);
    if (staff) sessionStorage.setItem(STORAGE_KEY, String(staff.id));
    else sessionStorage.removeItem(STORAGE_KEY);
  }, []);
  const value = useMemo(() => ({ actor, setActor }), [actor, setActor]);
  return <ActorContext value={value}>{children}</ActorContext>;
}

export function useActorSession(): ActorState {
  const state = useContext(ActorContext);
  if (!state) throw new Error('useActor must be used inside ActorProvider');
  return state;
}

/** The acting staff member; only for screens behind the start screen. */
export function useActor(): Staff {
  const { actor } = useActorSession();
  if (!actor) throw new Error('No acting staff member: this screen must render behind the start screen');
  return actor;
}

/** The id remembered for this window, so a reload does not ask again. */
export function rememberedActorId(): number | null {
  const value = Number(sessionStorage.getItem(STORAGE_KEY));
  return Number.isInteger(value) && value > 0 ? value : null;
}
