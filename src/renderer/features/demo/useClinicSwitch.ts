import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * Opens the demo clinic or goes back to the clinic's own records. The app restarts itself on
 * the other database; where the host swaps it in place, the page reloads to start afresh.
 */
export function useClinicSwitch(to: 'demo' | 'clinic') {
  return useMutation({
    mutationFn: () => call(to === 'demo' ? 'app:openDemoClinic' : 'app:leaveDemoClinic', {}),
    onSuccess: (result) => {
      // Staff ids belong to one database: forget who was acting before the other one opens.
      sessionStorage.clear();
      if (!result.relaunching) {
        window.location.hash = '#/today';
        window.location.reload();
      }
    },
  });
}
