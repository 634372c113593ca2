import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/**
 * The renderer build: src-renderer → out/renderer, relative paths (base './') so the same files load
 * from the loopback web host and from the Electron shell. No inline scripts or data: URLs, so the
 * strict Content-Security-Policy in index.html holds.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [vue()],
  define: {
    // Compile-time feature flags: drop what the renderer never uses (Options API, legacy vue-i18n, devtools).
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Never inline assets as data: URLs (the CSP allows 'self' only) and no preload polyfill script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
    // The bundler's report of slow plugins is advice for its own profiling, not a problem with this
    // build: without this, every install (the prepare script) prints it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
