/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import pxtorem from 'postcss-pxtorem'

// Where `npm run dev` / `npm run preview` forward API calls: a running `tongban serve`
// (make run). The built app is served by the C++ server itself.
const backend = process.env.TONGBAN_API ?? 'http://127.0.0.1:8080'
const proxy = {
  '/api': { target: backend, changeOrigin: false },
  '/healthz': { target: backend, changeOrigin: false },
  '/readyz': { target: backend, changeOrigin: false },
}

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  css: {
    postcss: {
      plugins: [
        // 适老化: Element Plus sizes its text and controls in px; restated in rem they follow the root
        // font size, which the large-text mode raises. 1px borders stay as they are.
        pxtorem({
          rootValue: 16,
          propList: ['*'],
          minPixelValue: 2,
          exclude: (file: string) => !/[\\/]element-plus[\\/]/.test(file),
        }),
      ],
    },
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus alone is ~1 MB unminified; it is split into its own chunk below.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus)/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.spec.ts'],
    css: false,
  },
})
