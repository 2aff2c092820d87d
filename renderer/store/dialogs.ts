import { MENU_COMMANDS } from '../../common/channels';
import type { MenuCommand } from '../../common/channels';

/** The app's modal dialogs; at most one is open. */
export const DIALOGS = ['settings', 'shortcuts', 'export'] as const;
export type DialogName = (typeof DIALOGS)[number];

/**
 * Which dialog is open. Opened by a button, a key ("?" for the shortcuts) or a command from the
 * desktop menu (event:menu-command); closed by Esc or its Close button.
 */
export interface DialogsSlice {
  dialog: DialogName | null;
  openDialog(name: DialogName): void;
  closeDialog(): void;
  /** A command from the native menu; anything but a known command is ignored. */
  runMenuCommand(command: unknown): void;
}

const DIALOG_OF: Record<MenuCommand, DialogName> = {
  showShortcuts: 'shortcuts',
  showSettings: 'settings',
};

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

export function createDialogsSlice(set: (partial: Partial<DialogsSlice>) => void): DialogsSlice {
  return {
    dialog: null,
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    runMenuCommand(command) {
      if (isMenuCommand(command)) set({ dialog: DIALOG_OF[command] });
    },
  };
}
