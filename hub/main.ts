// The hub's entry: starts the hub and prints the URLs. `npm start` first builds what is stale, then runs
// this file compiled (dist/hub/main.js) with plain node: no TypeScript transpiler or build tool in the
// running hub.
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { loadConfig } from './config';
import { startHub } from './server';

// Built, this file is dist/hub/main.js beside the apps; run from source (development), they are in dist/.
// The Electron program's hub role says where the apps it ships are.
const appsDir =
  process.env.ANTRIAN_APPS_DIR ?? fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../dist' : '..', import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await startHub(config, { appsDir });
  const { urls } = running;
  // The heap limit shows whether the hub was started with its node arguments (HUB_NODE_ARGS), e.g. in the
  // installed program's hub.log.
  const heapMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  console.log(`Antrian LPSE hub siap / ready (data: ${config.dataDir}, zona waktu: ${config.timeZone}, batas heap / heap limit: ${heapMb} MB)`);
  console.log(`  Aplikasi petugas / staff app: ${urls.counter}`);
  console.log(`  Layar ruang tunggu / display: ${urls.display}`);
  for (const d of urls.newDevices) console.log(`  Perangkat / device "${d.name}": ${d.url}`);
  if (running.generatedAdminPassword) {
    console.log(`  Akun admin dibuat / admin account created: admin / ${running.generatedAdminPassword}`);
    console.log('  (kata sandi sementara: ganti saat masuk pertama / temporary: set your own at first sign-in)');
  }
  if (urls.newDevices.length || running.generatedAdminPassword) {
    console.log('  (ditampilkan sekali ini saja / shown this once only)');
  } else {
    console.log('  Alamat kiosk dan layar: Admin → Perangkat di aplikasi petugas / device addresses: Admin → Devices in the staff app');
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: hub berhenti / stopping`);
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
