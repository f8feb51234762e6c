import { register } from 'node:module';
import { runCommand } from './commands.ts';
import type { Reply, Request } from './protocol.ts';

/**
 * Preloaded with `--import` in the child that runs the built main bundle: maps `electron` to the
 * stand-in and answers the boot test's commands over the child_process IPC channel.
 */
register('./hooks.ts', import.meta.url);

if (!process.send) throw new Error('Electron stand-in harness: start the bundle with an IPC channel (child_process.fork)');

process.on('message', (message: Request) => {
  const reply = (body: { ok: true; value: unknown } | { ok: false; error: string }) => process.send?.({ id: message.id, ...body } satisfies Reply);
  runCommand(message.command).then(
    (value) => reply({ ok: true, value }),
    (error: unknown) => reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

// Tells the test the channel is listening (messages sent before this would be lost).
process.send({ hello: true });
