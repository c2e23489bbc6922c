/**
 * `npm run harness`: serves CallDeck in a browser on 127.0.0.1 with the real core. With no
 * account configured it runs the built-in demo line, exactly as `npm start` does.
 */
import { createConsoleLogger } from '../../main/core/console-logger.js';
import { readDevAccounts } from '../../main/app/dev-accounts.js';
import { openLine } from '../../main/app/open-line.js';
import { systemClock } from '../../main/core/system-clock.js';
import { createHarnessPorts } from './harness-ports.js';
import { startHarness } from './harness-server.js';

const log = createConsoleLogger();
const port = Number(process.env.CALLDECK_HARNESS_PORT ?? 5199);
const ports = createHarnessPorts({ log });
const harness = await startHarness({
  port,
  ports,
  openLine: () => openLine({ env: process.env, clock: systemClock, log }),
  accounts: { environmentVideoSdk: readDevAccounts(process.env).videosdk },
  events: { webhookEnvironment: readDevAccounts(process.env).webhook ?? {} },
});

process.stdout.write(
  [
    `CallDeck harness: ${harness.url}`,
    `Control routes need the header  x-harness-secret: ${harness.secret}`,
    `  e.g. curl -s -H 'x-harness-secret: ${harness.secret}' ${harness.origin}/__harness/state`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const stop = () => {
  void harness.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
