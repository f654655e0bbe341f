import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The UI builds to dist/public, which the UI's own server (server/) serves with /config.json beside it. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist/public", emptyOutDir: true, sourcemap: true },
});
