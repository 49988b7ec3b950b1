// The Electron program's entry: reads its config (or opens setup), then opens its role's window on the
// hub, guarded, supervised and kept running. Each concern lives in its own module; this file wires them
// to Electron.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, powerSaveBlocker, session, utilityProcess, type WebContents } from 'electron';
import { z } from 'zod';
import { SHELL_CHANNELS, type SetupState } from '../../shared/protocol/bridge';
import { ticketPrintSchema } from '../../shared/protocol/schemas';
import { printerSettingSchema, roleUrl, setupInputSchema, type ShellConfig } from '../../shared/protocol/shell';
import { Backoff, RELOAD_BACKOFF, superviseRenderer, type Timers } from './backoff';
import { CONFIG_FILE, readShellConfig, writeShellConfig, type Loaded } from './config';
import { devConfig } from './devArgs';
import { startHubProcess } from './hubProcess';
import { handle, refusal } from './ipc';
import { createBridgePrinter, type ExecFile, type PrinterDeps } from './printer';
import { denyPermissions, enforceCsp, lockContents } from './security';
import { completeSetup, isSetupShortcut, unlockSetup } from './setup';
import type { Trust } from './trustedUrl';
import { waitForHub } from './waiting';
import { boundsToRemember, hasBridge, LOCKED_ROLES, windowOptions } from './windows';

const PAGES = path.join(__dirname, 'pages');
const SETUP_PAGE = path.join(PAGES, 'setup.html');
const WAITING_PAGE = path.join(PAGES, 'waiting.html');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
const log = (line: string) => console.log(`[antrian] ${line}`);
const printerDeps: PrinterDeps = { files: fsp, execFile: execFile as unknown as ExecFile };

// Chromium's own UI and native date fields in Bahasa Indonesia.
app.commandLine.appendSwitch('lang', 'id');

const configPath = path.join(app.getPath('userData'), CONFIG_FILE);
const dev = devConfig(process.argv, `scrypt$${randomBytes(16).toString('hex')}$${randomBytes(64).toString('hex')}`);
const loaded: Loaded = dev ? { config: dev } : readShellConfig(configPath, fs);
const config = loaded.config;
if (config?.role === 'display') app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

const trust = (): Trust => ({
  hubOrigin: config ? new URL(config.hubUrl).origin : 'null',
  // Encoded as Chromium reports a frame's URL (C:/Program%20Files/… on Windows).
  localPages: [pathToFileURL(SETUP_PAGE).href, pathToFileURL(WAITING_PAGE).href],
});

let mainWindow: BrowserWindow | null = null;
let setupUnlocked = config === null;

function registerIpc(): void {
  if (config && hasBridge(config)) {
    const printTicket = createBridgePrinter(config.printer, config.paperWidth, printerDeps);
    handle(ipcMain, SHELL_CHANNELS.print, 'hub', trust, ticketPrintSchema, printTicket);
  }
  handle(ipcMain, SHELL_CHANNELS.setupState, 'local', trust, z.null(), async (): Promise<SetupState> => ({
    firstRun: config === null && !('problem' in loaded && loaded.problem),
    problem: 'problem' in loaded ? loaded.problem : null,
    current: config && {
      role: config.role,
      hubUrl: config.hubUrl,
      hasDeviceKey: config.deviceKey !== undefined,
      printer: config.printer,
      paperWidth: config.paperWidth,
    },
  }));
  handle(ipcMain, SHELL_CHANNELS.setupUnlock, 'local', trust, z.string().max(12), async (pin) => {
    setupUnlocked = await unlockSetup(pin, config);
    return setupUnlocked ? { ok: true as const } : refusal('SETUP_PIN_WRONG');
  });
  handle(ipcMain, SHELL_CHANNELS.setupSave, 'local', trust, setupInputSchema, async (input) => {
    if (!setupUnlocked) return refusal('SETUP_PIN_WRONG');
    const outcome = await completeSetup(input, config);
    if (!outcome.ok) return outcome;
    writeShellConfig(configPath, outcome.config, fs);
    // The role decides the window, the switches and the IPC: a fresh start applies all of them.
    setImmediate(() => {
      app.relaunch();
      app.exit(0);
    });
    return { ok: true as const };
  });
  const testPrintSchema = z.strictObject({ printer: printerSettingSchema, paperWidth: z.union([z.literal(58), z.literal(80)]) });
  handle(ipcMain, SHELL_CHANNELS.setupTestPrint, 'local', trust, testPrintSchema, async ({ printer, paperWidth }) => {
    if (!setupUnlocked) return { ...refusal('SETUP_PIN_WRONG'), code: 'PRINTER_UNREACHABLE' as const };
    return createBridgePrinter(printer, paperWidth, printerDeps)({
      officeName: 'Antrian LPSE',
      ticketNumber: 'TES-01',
      serviceName: 'Uji cetak',
      issuedAt: new Date().toLocaleString('id-ID'),
      aheadText: `Printer: ${printer.kind}, kertas ${paperWidth} mm`,
    });
  });
}

/** Windows already waiting for their hub: a burst of failed loads starts one wait, not several. */
const waitingWindows = new WeakSet<BrowserWindow>();

/** The role's page when the hub answers; the waiting page (naming the address) until it does. */
async function openHubPage(win: BrowserWindow, cfg: ShellConfig): Promise<void> {
  if (waitingWindows.has(win)) return;
  waitingWindows.add(win);
  const target = roleUrl(cfg);
  const ready = await waitForHub(
    cfg.hubUrl,
    (url, init) => fetch(url, init),
    (ms) => sleep(ms),
    () => void win.loadFile(WAITING_PAGE, { query: { address: cfg.hubUrl } }),
    () => win.isDestroyed(),
  );
  waitingWindows.delete(win);
  // A failed load comes back here through did-fail-load.
  if (ready && !win.isDestroyed()) await win.loadURL(target).catch(() => undefined);
}

function watchHubLoss(contents: WebContents, win: BrowserWindow, cfg: ShellConfig): void {
  // A page that failed to load (hub restarting, cable out) goes back to waiting. Aborts (-3) are ours.
  contents.on('did-fail-load', (_e, errorCode, _desc, _url, isMainFrame) => {
    if (isMainFrame && errorCode !== -3) void openHubPage(win, cfg);
  });
}

function openSetup(win: BrowserWindow): void {
  setupUnlocked = config === null;
  void win.loadFile(SETUP_PAGE);
}

function createWindow(): void {
  const cfg = config;
  const win = new BrowserWindow(windowOptions(cfg ?? { role: 'counter' }, PRELOAD));
  mainWindow = win;
  const locked = cfg !== null && LOCKED_ROLES.has(cfg.role);
  lockContents(win.webContents, trust(), locked);
  superviseRenderer(win.webContents, new Backoff(RELOAD_BACKOFF, Date.now), timers, log);
  win.setMenu(null);
  win.once('ready-to-show', () => win.show());
  win.webContents.on('before-input-event', (event, input) => {
    if (isSetupShortcut(input)) {
      event.preventDefault();
      openSetup(win);
    }
  });
  if (cfg === null) return openSetup(win);
  if (cfg.role === 'counter' || cfg.role === 'hub') {
    win.on('close', () => {
      if (dev) return;
      const saved = readShellConfig(configPath, fs).config;
      if (saved) writeShellConfig(configPath, { ...saved, counterBounds: boundsToRemember(win.getNormalBounds()) }, fs);
    });
  }
  watchHubLoss(win.webContents, win, cfg);
  void openHubPage(win, cfg);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    enforceCsp(session.defaultSession);
    // Office PCs come back by themselves after a power cut or a restart.
    if (!dev && app.isPackaged) app.setLoginItemSettings({ openAtLogin: true });
    if (config?.role === 'display') powerSaveBlocker.start('prevent-display-sleep');
    if (config?.role === 'hub') {
      const hub = startHubProcess(
        utilityProcess,
        {
          entry: path.join(__dirname, 'hub.mjs'),
          appsDir: path.join(__dirname, '..'),
          dataDir: path.join(app.getPath('userData'), 'hub-data'),
          port: config.hubPort ?? (Number(new URL(config.hubUrl).port) || 7400),
          log,
          output: (text) => fs.appendFileSync(path.join(app.getPath('userData'), 'hub.log'), text, { mode: 0o600 }),
        },
        new Backoff(RELOAD_BACKOFF, Date.now),
        timers,
      );
      app.on('will-quit', () => hub.stop());
    }
    registerIpc();
    createWindow();
  });
}
