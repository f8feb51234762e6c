import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Puts the page's first script (src/renderer/api/early.ts, an entry of its own) ahead of the app's
 * module in index.html, so the calls the first screen needs start while the app's code loads.
 * Vite would fold a second module script written into index.html into the app's own entry.
 */
function earlyScript(): Plugin {
  return {
    name: 'tms-early-script',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        const src = chunk ? `./${chunk.fileName}` : context.server ? '/api/early.ts' : null;
        return src ? { html, tags: [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head-prepend' }] } : html;
      },
    },
  };
}

/**
 * `virtual:channel-access`: who may call each channel, read from the contract at build time. The
 * renderer hides what the signed-in person may not do from the contract's own declaration, without
 * loading the contract's schemas (zod building every channel's input and output) on its first paint.
 */
function channelAccess(): Plugin {
  const id = 'virtual:channel-access';
  return {
    name: 'tms-channel-access',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const { contract } = await import('./src/shared/ipc/contract');
      const access = Object.fromEntries(Object.entries(contract).map(([channel, spec]) => [channel, spec.access]));
      return `export const channelAccess = ${JSON.stringify(access)};`;
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), earlyScript(), channelAccess()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the page loads faster minified.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html'), early: resolve(import.meta.dirname, 'src/renderer/api/early.ts') },
      },
    },
  },
});
