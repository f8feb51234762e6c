import type { AppResponse, Command } from './protocol.ts';
import { answers, calls, registry, setReady, type StandinWebContents } from './state.ts';
import { strictRecord, violations } from './strict.ts';

/**
 * What a boot test can do to the running bundle: read the records, change an answer, resolve
 * `whenReady`, emit the events Electron would emit and call the handlers the app registered,
 * with arguments shaped as Electron passes them.
 */

function webContents(id: number): StandinWebContents {
  const contents = registry.webContents.get(id);
  if (!contents) throw new Error(`No stand-in WebContents#${id}`);
  return contents;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`The app has not registered ${what}`);
  return value;
}

/** An Electron event: `preventDefault` is recorded on it, `url` where Electron sets one. */
function event(url?: string) {
  const state = { prevented: false };
  const value = strictRecord('Event', { preventDefault: () => void (state.prevented = true), ...(url === undefined ? {} : { url }) });
  return { value, state };
}

function frame(url: string, top: boolean) {
  const topFrame = strictRecord('WebFrameMain', { url, parent: null });
  return top ? topFrame : strictRecord('WebFrameMain', { url, parent: topFrame });
}

async function fetchApp(url: string): Promise<AppResponse | { error: string }> {
  const handler = required(registry.protocolHandlers.get(new URL(url).protocol.slice(0, -1)), `a protocol handler for ${url}`);
  try {
    const response = (await handler(new Request(url))) as Response;
    return { status: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return { error: String(error) };
  }
}

export async function runCommand(command: Command): Promise<unknown> {
  switch (command.kind) {
    case 'calls':
      return calls;
    case 'violations':
      return violations;
    case 'ready':
      setReady();
      return null;
    case 'answer':
      Object.assign(answers, command.answers);
      return null;
    case 'emitApp':
      return registry.app.emit(command.event, [event().value, ...command.args]);
    case 'webContentsCreated':
      return registry.app.emit('web-contents-created', [event().value, webContents(command.webContents).exposed]);
    case 'emitWindow': {
      const window = required(registry.windows.get(command.window), `BrowserWindow#${command.window}`);
      return window.listeners.emit(command.event, [event().value]);
    }
    case 'emitWebContents': {
      const { value, state } = event(command.url);
      const listeners = webContents(command.webContents).listeners.emit(command.event, [value, command.url]);
      return { listeners, prevented: state.prevented };
    }
    case 'openWindow': {
      const handler = required(webContents(command.webContents).windowOpenHandler, 'a window open handler');
      return handler(strictRecord('HandlerDetails', { url: command.url }));
    }
    case 'requestPermission': {
      const handler = required(registry.permissionRequestHandler, 'a permission request handler');
      let granted: boolean | 'not answered' = 'not answered';
      handler(webContents(command.webContents).exposed, command.permission, (answer: boolean) => void (granted = answer), {});
      return granted;
    }
    case 'checkPermission': {
      const handler = required(registry.permissionCheckHandler, 'a permission check handler');
      return handler(webContents(command.webContents).exposed, command.permission, command.origin, {});
    }
    case 'invoke': {
      const handler = required(registry.ipcHandlers.get(command.channel), `an ipcMain handler for '${command.channel}'`);
      const sender = webContents(command.sender);
      const ipcEvent = strictRecord('IpcMainInvokeEvent', { sender: sender.exposed, senderFrame: frame(command.frame.url, command.frame.top), frameId: command.frame.top ? 1 : 2, processId: 1 });
      return await handler(ipcEvent, ...command.args);
    }
    case 'fetchApp':
      return fetchApp(command.url);
    case 'clickMenu': {
      // Follows labels (or roles) down the recorded template and calls the item's click handler.
      let items = required(registry.menuTemplate, 'an application menu');
      let item: Record<string, unknown> | undefined;
      for (const name of command.path) {
        item = (items as Array<Record<string, unknown>>).find((i) => i['label'] === name || i['role'] === name);
        if (!item) throw new Error(`No menu item ${command.path.join(' → ')}`);
        items = (item['submenu'] as unknown[] | undefined) ?? [];
      }
      const click = item?.['click'];
      if (typeof click !== 'function') throw new Error(`${command.path.join(' → ')} has no click handler`);
      click();
      return null;
    }
    case 'renderProcessGone': {
      const details = strictRecord('RenderProcessGoneDetails', { reason: command.reason, exitCode: command.exitCode });
      return webContents(command.webContents).listeners.emit('render-process-gone', [event().value, details]);
    }
  }
}
