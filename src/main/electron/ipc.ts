import { ipcMain } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatch';
import type { HostSessions } from '../ipc/hostSession';
import { isTrustedSender, type TrustedPage } from './trustedPages';

/**
 * Answers the app's own top frames only. Who is signed in is kept per window (webContents id)
 * in `sessions`, and forgotten when the window is destroyed.
 */
export function registerIpc(dispatch: Dispatch, pages: readonly TrustedPage[], sessions: HostSessions<number>): void {
  const watched = new Set<number>();
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, pages)) {
      return { ok: false, error: { code: 'forbidden', message: 'Refused: not the app window.' } };
    }
    const contents = event.sender;
    if (!watched.has(contents.id)) {
      watched.add(contents.id);
      const id = contents.id;
      contents.once('destroyed', () => {
        watched.delete(id);
        sessions.forget(id);
      });
    }
    return dispatch(String(channel), input, { now: new Date(), session: sessions.get(contents.id) });
  });
}
