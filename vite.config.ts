import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The web app: sources in web/, built into dist/web (served by the API in production). */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Libraries in chunks of their own, cached across releases. A group also takes in the modules its members
        // import, so the higher priority goes to what every page loads: tslib, shared by ECharts and Mantine's
        // dependencies, must not land in the charts chunk, or the first page pulls in ECharts for four helpers.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|scheduler)/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|tslib)[\\/]/, priority: 20 },
            // the icons the app uses, together: otherwise every icon two lazy pages share is a request of its own
            { name: 'icons', test: /node_modules[\\/]@tabler[\\/]icons-react[\\/]/, priority: 15 },
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4173 },
});
