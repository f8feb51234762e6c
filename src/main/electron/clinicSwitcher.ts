import { app } from 'electron';
import { type ClinicSwitcher, rebuildDemoClinic } from '../demo/demoClinic';

/** Command-line flag the app relaunches itself with to open the demo clinic. */
export const DEMO_FLAG = '--demo-clinic';

export function isDemoLaunch(argv: readonly string[]): boolean {
  return argv.includes(DEMO_FLAG);
}

/**
 * In the app, the database is opened once at start, so switching clinics relaunches the app
 * on the other file, after the renderer has had the answer.
 */
export function electronClinicSwitcher(demo: boolean, demoFile: string): ClinicSwitcher {
  const relaunch = (toDemo: boolean) => {
    const args = process.argv.slice(1).filter((a) => a !== DEMO_FLAG);
    setTimeout(() => {
      app.relaunch({ args: toDemo ? [...args, DEMO_FLAG] : args });
      // quit, not exit: 'will-quit' closes the database cleanly before the new instance opens one.
      app.quit();
    }, 200);
    return { relaunching: true };
  };
  return {
    demo,
    async openDemo(today) {
      await rebuildDemoClinic(demoFile, today);
      return relaunch(true);
    },
    async leaveDemo() {
      return relaunch(false);
    },
  };
}
