import { ipcMain } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedSender, type TrustedPage } from './trustedPages';

export function registerIpc(dispatch: Dispatch, pages: readonly TrustedPage[]): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame, pages)) {
      return { ok: false, error: { code: 'forbidden', message: 'Refused: not the app window.' } };
    }
    return dispatch(String(channel), input, { now: new Date() });
  });
}
