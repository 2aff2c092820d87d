import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';

const noop = () => undefined;

function helpItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const help = template.find((item) => item.role === 'help');
  return Array.isArray(help?.submenu) ? help.submenu : [];
}

describe('menu', () => {
  it.each([true, false])('Help has "Show logs", which opens the logs (macOS: %s)', (isMac) => {
    const showLogs = vi.fn();
    const template = menuTemplate({
      isMac,
      isPackaged: true,
      refresh: noop,
      openApiKeyConsole: noop,
      openApiKeyHelp: noop,
      showLogs,
      menuCommand: noop,
    });
    const item = helpItems(template).find((i) => i.label === 'Show logs');
    expect(item).toBeDefined();
    (item?.click as (() => void) | undefined)?.();
    expect(showLogs).toHaveBeenCalledTimes(1);
  });

  it('offers developer tools only in development', () => {
    const labels = (isPackaged: boolean) =>
      JSON.stringify(
        menuTemplate({
          isMac: false,
          isPackaged,
          refresh: noop,
          openApiKeyConsole: noop,
          openApiKeyHelp: noop,
          showLogs: noop,
          menuCommand: noop,
        }),
      );
    expect(labels(true)).not.toContain('toggleDevTools');
    expect(labels(false)).toContain('toggleDevTools');
  });

  it.each([true, false])(
    'Help → Keyboard shortcuts and View → Settings… (Ctrl/Cmd+,) ask the page (macOS: %s)',
    (isMac) => {
      const commands: string[] = [];
      const template = menuTemplate({
        isMac,
        isPackaged: true,
        refresh: noop,
        openApiKeyConsole: noop,
        openApiKeyHelp: noop,
        showLogs: noop,
        menuCommand: (command) => commands.push(command),
      });
      const click = (item: MenuItemConstructorOptions | undefined) =>
        (item?.click as (() => void) | undefined)?.();
      click(helpItems(template).find((i) => i.label === 'Keyboard shortcuts'));
      const view = template.find((item) => item.label === 'View')?.submenu;
      const settings = Array.isArray(view) ? view.find((i) => i.label === 'Settings…') : undefined;
      expect(settings?.accelerator).toBe('CmdOrCtrl+,');
      click(settings);
      expect(commands).toEqual(['showShortcuts', 'showSettings']);
    },
  );

  it("View offers the tray's Pause notifications item when given one, and nothing when not", () => {
    const click = vi.fn();
    const viewLabels = (notifications?: { label: string; enabled: boolean; click: () => void }) => {
      const template = menuTemplate({
        isMac: false,
        isPackaged: true,
        refresh: noop,
        openApiKeyConsole: noop,
        openApiKeyHelp: noop,
        showLogs: noop,
        menuCommand: noop,
        notifications,
      });
      const view = template.find((item) => item.label === 'View')?.submenu;
      return Array.isArray(view) ? view : [];
    };
    const view = viewLabels({ label: 'Pause notifications for 1 hour', enabled: true, click });
    const item = view.find((i) => i.label === 'Pause notifications for 1 hour');
    expect(item?.enabled).toBe(true);
    (item?.click as (() => void) | undefined)?.();
    expect(click).toHaveBeenCalledTimes(1);
    expect(viewLabels().some((i) => String(i.label).includes('notifications'))).toBe(false);
    const disabled = viewLabels({ label: 'Pause notifications for 1 hour', enabled: false, click });
    expect(disabled.find((i) => i.label === 'Pause notifications for 1 hour')?.enabled).toBe(false);
  });
});
