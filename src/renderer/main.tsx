import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router';
import { StartGate } from './app/StartGate';
import { cssVariablesResolver, theme } from './app/theme';
import { firstAnswers, seedEarlyAnswers } from './app/earlyAnswers';
import { AuthProvider } from './session/auth';

// The printable report page has its own chunk: the app's first script does not carry it.
const ReportScreen = lazy(() => import('./features/report/ReportScreen').then((m) => ({ default: m.ReportScreen })));
const PacketScreen = lazy(() => import('./features/report/PacketScreen').then((m) => ({ default: m.PacketScreen })));

const queryClient = new QueryClient({
  defaultOptions: {
    // Local database: data is fresh until this window changes it; no refetch on focus.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The printable report is a page of its own, printed in a hidden window signed in by main as the person exporting.
// `/report/:courseId` is the course report; `/authorization` and `/extension` after it, the payer documents.
const report = /^#\/report\/(\d+)(?:\/(authorization|extension))?$/.exec(window.location.hash);

const render = () => createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        {report ? (
          <Suspense>
            {report[2] === 'authorization' || report[2] === 'extension' ? (
              <PacketScreen courseId={Number(report[1])} kind={report[2]} />
            ) : (
              <ReportScreen courseId={Number(report[1])} />
            )}
          </Suspense>
        ) : (
          <AuthProvider>
            <StartGate>
              <RouterProvider router={router} />
            </StartGate>
          </AuthProvider>
        )}
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

if (report) {
  render();
} else {
  // The page's first script asked for the first screen's data while this code loaded; its answers
  // usually arrive meanwhile. Drawn with them, the first screen is one render instead of a spinner
  // and a second render; a slow answer is not waited for beyond FIRST_RENDER_WAIT_MS.
  void firstAnswers(window.tmsEarlyCalls)
    .then(() => seedEarlyAnswers(queryClient))
    // Drawn whatever happened to the answers: without them, the screens ask for themselves.
    .finally(render);
}
