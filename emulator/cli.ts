import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorld } from './generate';
import { CONTROL_TOKEN_HEADER } from './routes/control-access';
import { startEmulator } from './server';
import { WorldError } from './world';

const DEMO_WORLD = fileURLToPath(new URL('./worlds/demo.json', import.meta.url));
const USAGE = 'usage: npm run emulator -- [--world FILE] [--port PORT] [--cameras N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      world: { type: 'string' },
      port: { type: 'string', default: '0' },
      cameras: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new WorldError(`--port takes a port number from 0 to 65535, not "${values.port}"`);
  }
  if (values.world && values.cameras) {
    throw new WorldError('--world and --cameras cannot be used together');
  }
  const world = values.cameras
    ? generateWorld(Number(values.cameras))
    : (values.world ?? DEMO_WORLD);
  const emulator = await startEmulator({ world, port });
  console.log(`Wyze cloud emulator listening on ${emulator.url}`);
  const accounts = emulator.state.world.accounts;
  console.log(`World "${emulator.state.world.name}": ${accounts.length} account(s).`);
  for (const a of accounts) {
    const password = a.password ?? '(none: signed up with ' + a.signInProvider + ')';
    const mfa = a.mfa
      ? `, two-step verification on${a.mfa.totp ? `: authenticator secret ${a.mfa.totp.secret}` : ''}`
      : '';
    console.log(
      `  ${a.email}  password ${password}  key ID ${a.keyId}  API key ${a.apiKey}  ` +
        `(${a.devices.length} devices${mfa})`,
    );
  }
  console.log(
    `Point the app at it: WYZE_AUTH_BASE_URL=${emulator.url} WYZE_API_BASE_URL=${emulator.url}`,
  );
  console.log(
    `Control API: ${emulator.url}/__emulator/… with header ${CONTROL_TOKEN_HEADER}: ` +
      `${emulator.controlToken ?? ''} (this run only), e.g.\n` +
      `  curl -H '${CONTROL_TOKEN_HEADER}: ${emulator.controlToken ?? ''}' ${emulator.url}/__emulator/world`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`emulator: ${message}\n${USAGE}`);
  process.exit(2);
});
