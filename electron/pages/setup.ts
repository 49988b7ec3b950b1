// The setup screen: PIN first on a configured PC, then role, hub, key, printer and paper width. Everything
// it sends is checked again in the main process; this page only collects and shows.
import { SETUP_GLOBAL, type SetupBridge } from '../../shared/protocol/bridge';
import type { PrinterSetting } from '../../shared/protocol/shell';

const api = (window as unknown as Record<string, SetupBridge | undefined>)[SETUP_GLOBAL];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
function say(text: string): void {
  $('message').textContent = text;
}

function printerFromForm(): PrinterSetting {
  const kind = $<HTMLSelectElement>('printer').value;
  const target = $<HTMLInputElement>('printerTarget').value.trim();
  if (kind === 'network') {
    const [host = '', port = '9100'] = target.split(':');
    return { kind, host, port: Number(port) };
  }
  if (kind === 'usb') return { kind, path: target || '/dev/usb/lp0' };
  if (kind === 'windows') return { kind, name: target };
  return { kind: 'none' };
}

const width = () => (Number($<HTMLSelectElement>('width').value) === 58 ? 58 : 80);

async function start(): Promise<void> {
  if (!api) return say('Halaman ini hanya berjalan di dalam program Antrian LPSE.');
  const state = await api.state();
  if (state.problem) {
    $('problem').hidden = false;
    $('problem').textContent = `Pengaturan tersimpan tidak dapat dipakai: ${state.problem}`;
  }
  const c = state.current;
  if (c) {
    $<HTMLSelectElement>('role').value = c.role;
    $<HTMLInputElement>('address').value = c.hubUrl;
    $<HTMLSelectElement>('width').value = String(c.paperWidth);
    $<HTMLSelectElement>('printer').value = c.printer.kind;
    const p = c.printer;
    $<HTMLInputElement>('printerTarget').value =
      p.kind === 'network' ? `${p.host}:${p.port}` : p.kind === 'usb' ? p.path : p.kind === 'windows' ? p.name : '';
  }
  if (state.current === null) $('setup').hidden = false;
  else $('unlock').hidden = false;

  $('unlock').addEventListener('submit', (e) => {
    e.preventDefault();
    void api.unlock($<HTMLInputElement>('pin').value).then((r) => {
      if (!r.ok) return say(r.message);
      $('unlock').hidden = true;
      $('setup').hidden = false;
      say('');
    });
  });
  $('test').addEventListener('click', () => {
    say('Mencetak…');
    void api.testPrint(printerFromForm(), width()).then((r) => say(r.ok ? 'Uji cetak terkirim ke printer.' : r.message));
  });
  $('setup').addEventListener('submit', (e) => {
    e.preventDefault();
    const role = $<HTMLSelectElement>('role').value as Parameters<SetupBridge['save']>[0]['role'];
    const key = $<HTMLInputElement>('key').value.trim();
    const newPin = $<HTMLInputElement>('newPin').value;
    void api
      .save({
        role,
        address: $<HTMLInputElement>('address').value,
        printer: printerFromForm(),
        paperWidth: width(),
        ...(key ? { deviceKey: key } : {}),
        ...(newPin ? { newPin } : {}),
      })
      .then((r) => say(r.ok ? 'Tersimpan. Program dimulai ulang…' : r.message));
  });
}

void start();
