import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AppCommand } from '../../shared/ipc/appCommands';

/** The event a screen that can export a course report listens for; it calls preventDefault when it exports. */
export const EXPORT_REPORT_EVENT = 'tms:export-report';

/**
 * Acts on the application menu's commands (Electron only; the web host has no menu). Returns a
 * notice when a command could not be done here (export with no course open).
 */
export function useAppCommands(): { notice: string | null; dismiss: () => void } {
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const subscribe = window.api?.onCommand;
    if (!subscribe) return undefined;
    return subscribe((command: AppCommand) => {
      setNotice(null);
      if (command === 'open-backups') void navigate('/backups');
      else if (command === 'open-about') void navigate('/about');
      else if (window.dispatchEvent(new Event(EXPORT_REPORT_EVENT, { cancelable: true }))) {
        setNotice('To export a course report, open the course first (Patients → the patient → the course).');
      }
    });
  }, [navigate]);
  return { notice, dismiss: () => setNotice(null) };
}
