// Vite build of the web UI that Tauri serves from ui/dist (see tauri.conf.json).
// npm scripts run from the repository root, so `root` is relative to it.
import { defineConfig } from "vite";

export default defineConfig({
  root: "ui",
  // Relative asset URLs keep the bundle working under Tauri's custom protocol.
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK is the only engine that runs this UI.
    target: "safari16",
    // Inlined assets would need `data:` in more CSP directives; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
