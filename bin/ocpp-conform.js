#!/usr/bin/env node
// Thin shim: the CLI is compiled to dist/ by `npm run build`; nothing is compiled at run time.
import { main } from '../dist/src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
