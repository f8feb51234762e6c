import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Puts the page's first script (src/renderer/api/early.ts, an entry of its own) ahead of the app's
 * module in index.html, so the calls the first screen needs start while the app's code loads.
 * Built, it is a classic script that blocks the parser for its few hundred bytes: it runs as the
 * page starts, not once the main thread is free of compiling the app's chunks (an async module ran
 * about 400 ms later). So it must import nothing, and its code is wrapped to keep its names out of
 * the page's globals. Vite would fold a second module script written into index.html into the
 * app's own entry; while developing it stays a module (Vite serves the TypeScript as one).
 */
function earlyScript(): Plugin {
  return {
    name: 'tms-early-script',
    renderChunk(code, chunk) {
      if (!chunk.isEntry || chunk.name !== 'early') return null;
      if (chunk.imports.length > 0 || chunk.exports.length > 0) {
        throw new Error(`The page's first script must import and export nothing (it runs as a classic script): ${[...chunk.imports, ...chunk.exports].join(', ')}`);
      }
      return { code: `(() => {\n${code}\n})();\n`, map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        if (chunk) return { html, tags: [{ tag: 'script', attrs: { src: `./${chunk.fileName}` }, injectTo: 'head-prepend' }] };
        return context.server ? { html, tags: [{ tag: 'script', attrs: { type: 'module', async: true, src: '/api/early.ts' }, injectTo: 'head-prepend' }] } : html;
      },
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
    plugins: [react(), earlyScript()],
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
