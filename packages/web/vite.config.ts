import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ at /console and falls back to index.html for
// client-side routes (packages/server/src/http/app.ts registerConsole).
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    // `npm run dev -w @sanxiang/web` next to `npm start` (port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
