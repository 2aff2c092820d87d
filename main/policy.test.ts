import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences, mainWindowOptions } from './window';
import {
  EXTERNAL_URLS,
  allowNavigation,
  allowPermission,
  appOrigins,
  isAllowedExternal,
  isTrustedSender,
} from './policy';
import { menuTemplate } from './menu';
import { appIdentity } from './identity';

const origins = appOrigins();

describe('window factory options (security S1)', () => {
  it('are exactly the hardened set', () => {
    expect(hardenedWebPreferences('/app/preload.cjs', true)).toEqual({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
    });
    expect(hardenedWebPreferences('/p', false).devTools).toBe(true);
  });

  it('remember the window only when it still fits a display', () => {
    const bounds = { x: 40, y: 50, width: 900, height: 600, maximized: false };
    const opts = (fits: boolean) =>
      mainWindowOptions({ preload: '/p', isPackaged: true, bounds, fitsADisplay: () => fits });
    expect(opts(true)).toMatchObject({ x: 40, y: 50, width: 900, height: 600, show: false });
    expect(opts(false)).not.toHaveProperty('x');
    expect(opts(false)).toMatchObject({ width: 1180, height: 760 });
  });
});

describe('navigation (security S4)', () => {
  it.each([
    ['app://wyzecam/index.html', true],
    ['app://wyzecam/', true],
    ['app://wyzecam.evil/index.html', false],
    ['app://evil/index.html', false],
    ['https://wyzecam/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(allowNavigation(url, origins)).toBe(allowed);
  });

  it('lets the Vite dev server in only on loopback http', () => {
    expect(appOrigins('http://localhost:5173')).toHaveLength(2);
    expect(appOrigins('https://evil.example:5173')).toHaveLength(1);
    expect(allowNavigation('http://localhost:5173/x', appOrigins('http://localhost:5173'))).toBe(
      true,
    );
    expect(allowNavigation('http://localhost:5174/x', appOrigins('http://localhost:5173'))).toBe(
      false,
    );
  });
});

describe('IPC senders (security S9)', () => {
  const trusted = isTrustedSender(origins);
  it.each([
    [{ url: 'app://wyzecam/index.html', isMainFrame: true }, true],
    [{ url: 'app://wyzecam/index.html', isMainFrame: false }, false],
    [{ url: null, isMainFrame: true }, false],
    [{ url: 'https://wyzecam/', isMainFrame: true }, false],
    [{ url: 'app://evil/', isMainFrame: true }, false],
    [{ url: 'null', isMainFrame: true }, false],
    [{ url: 'file:///index.html', isMainFrame: true }, false],
  ])('%o → %s', (sender, ok) => {
    expect(trusted(sender)).toBe(ok);
  });
});

describe('external links (security S5)', () => {
  it.each([
    ['https://developer-api-console.wyze.com/', true],
    ['https://support.wyze.com/hc/en-us/articles/16129834216731', true],
    ['http://developer-api-console.wyze.com/', false],
    ['https://developer-api-console.wyze.com.evil.example/', false],
    ['https://evilwyze.com/', false],
    ['https://user:pw@support.wyze.com/', false],
    ['https://support.wyze.com:8443/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(isAllowedExternal(url)).toBe(ok);
  });

  it('every target the UI can ask for is on the allow-list', () => {
    for (const url of Object.values(EXTERNAL_URLS)) expect(isAllowedExternal(url)).toBe(true);
  });
});

describe('permissions (security S6)', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'usb',
    'serial',
  ])('denies %s', (permission) => {
    expect(allowPermission(permission)).toBe(false);
  });

  it('allows only writing to the clipboard, for the copy buttons', () => {
    expect(allowPermission('clipboard-sanitized-write')).toBe(true);
  });
});

describe('menu and identity', () => {
  it('has the standard roles and the API key entry', () => {
    const calls: string[] = [];
    const menu = menuTemplate({
      isMac: true,
      isPackaged: true,
      refresh: () => calls.push('refresh'),
      openApiKeyConsole: () => calls.push('console'),
      openApiKeyHelp: () => calls.push('help'),
      showLogs: () => calls.push('logs'),
      menuCommand: (command) => calls.push(command),
    });
    expect(menu.map((m) => m.role ?? m.label)).toEqual([
      'appMenu',
      'fileMenu',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
    const help = menu.find((m) => m.role === 'help')?.submenu as {
      label?: string;
      click?: () => void;
    }[];
    help.find((i) => i.label === 'Get a Wyze API key…')?.click?.();
    const view = menu.find((m) => m.label === 'View')?.submenu as {
      accelerator?: string;
      role?: string;
      click?: () => void;
    }[];
    view.find((i) => i.accelerator === 'CmdOrCtrl+R')?.click?.();
    expect(calls).toEqual(['console', 'refresh']);
    expect(view.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it('keeps development and packaged builds apart', () => {
    expect(appIdentity(true)).toEqual({
      userDataName: 'Wyzecam Desktop',
      keychainService: 'Wyzecam Desktop',
    });
    expect(appIdentity(false).keychainService).not.toBe(appIdentity(true).keychainService);
    expect(appIdentity(false).userDataName).not.toBe(appIdentity(true).userDataName);
  });
});
