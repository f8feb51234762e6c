/**
 * What the application menu asks the window to do. Main sends one of these on APP_COMMAND_CHANNEL;
 * the renderer acts on it (the menu never reaches into the page, and the page never calls main).
 */
export const appCommands = ['open-backups', 'open-about', 'export-report'] as const;
export type AppCommand = (typeof appCommands)[number];

export const APP_COMMAND_CHANNEL = 'tms:app-command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (appCommands as readonly string[]).includes(value);
}
