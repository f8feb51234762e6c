import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { router } from './app/router';
import { StartGate } from './app/StartGate';
import { cssVariablesResolver, theme } from './app/theme';
import { ReportScreen } from './features/report/ReportScreen';
import { ActorProvider } from './session/actor';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local database: data is fresh until this window changes it; no refetch on focus.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The printable report is a page of its own: printed in a hidden window, with no one signed in.
const report = /^#\/report\/(\d+)\?by=(\d+)$/.exec(window.location.hash);

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        {report ? (
          <ReportScreen courseId={Number(report[1])} generatedById={Number(report[2])} />
        ) : (
          <ActorProvider>
            <StartGate>
              <RouterProvider router={router} />
            </StartGate>
          </ActorProvider>
        )}
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
