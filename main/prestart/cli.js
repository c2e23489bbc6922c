// @ts-check
/**
 * `npm start` runs this before the build: `node main/prestart/cli.js && npm run build && electron .`
 * Plain Node (no tsx, no build) so it costs tens of milliseconds when the runtime is present.
 * Whatever goes wrong, the user gets the paragraph, never a stack trace, and the process ends
 * (an open socket cannot keep it waiting).
 */
import { checkElectronRuntime, explain } from './start-check.js';
import { describeError } from './fetch-runtime.js';

/** @param {string} text */
const write = (text) => process.stderr.write(text);

let code;
try {
  code = await checkElectronRuntime({ write });
} catch (error) {
  write(explain(`the check for Electron's runtime failed (${describeError(error)})`));
  code = 1;
}
process.exit(code);
