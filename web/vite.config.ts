import { fileURLToPath, URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vendor code is split by how often it changes and when it is needed: React and the router load on
// every page; the Firebase SDKs are large and change on their own schedule; firebase/functions and
// firebase/storage are imported lazily where used, so they stay out of the initial load.
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  {
    name: 'router',
    test: /node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 30 },
  { name: 'firebase-auth', test: /node_modules[\\/]@firebase[\\/]auth[\\/]/, priority: 20 },
  { name: 'firebase-firestore', test: /node_modules[\\/]@firebase[\\/]firestore[\\/]/, priority: 20 },
  { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
  {
    name: 'firebase-core',
    test: /node_modules[\\/](@firebase[\\/](app|component|logger|util)|firebase[\\/]app|idb|tslib)[\\/]/,
    priority: 10,
  },
  // Shared app code (primitives, helpers, config, domain): one chunk instead of many tiny ones.
  // Firebase set-up stays out of it: main.tsx loads that only once the configuration is valid.
  {
    name: 'shared',
    test: (id: string) =>
      /(web[\\/]src[\\/](components|lib|config)|domain[\\/]src)[\\/]/.test(id) &&
      !/web[\\/]src[\\/]lib[\\/](firebase\.ts|firestore[\\/])/.test(id),
    priority: 5,
  },
];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
