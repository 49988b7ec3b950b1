// The display also runs in smart-TV browsers, whose engines lag years behind (webOS and Tizen ship
// Chromium 79 and newer): compile the display's code down to what they understand. Merged into the
// settings hub/dev/buildApps.ts gives every app.
import { defineConfig } from 'vite';

export default defineConfig({
  build: { target: ['chrome79', 'safari13', 'firefox78'], cssTarget: ['chrome79', 'safari13', 'firefox78'] },
});
