import { Dialog } from './Dialog';

/** The modifier key as this computer names it: ⌘ Cmd on a Mac, Ctrl elsewhere. */
const modifier = (): string =>
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'Cmd' : 'Ctrl';

/** Every key the app answers to, and what it does. */
export function shortcutList(mod: string): { keys: string[][]; action: string }[] {
  return [
    { keys: [[mod, 'R']], action: 'Refresh the camera list' },
    { keys: [[mod, 'F'], ['/']], action: 'Search cameras' },
    { keys: [['Esc']], action: 'Clear the search; close the details pane or a dialog' },
    { keys: [['↑'], ['↓']], action: 'Move between cameras (in the list and in the details pane)' },
    { keys: [['Page Up'], ['Page Down']], action: 'Move a page of cameras up or down' },
    { keys: [['Home'], ['End']], action: 'Go to the first or the last camera' },
    { keys: [['Enter']], action: 'Open the details of the focused camera' },
    { keys: [['Tab'], ['Shift', 'Tab']], action: 'Move between controls' },
    { keys: [['Alt', '1']], action: 'Show the cameras' },
    { keys: [['Alt', '2']], action: 'Show Activity (changes and notifications)' },
    { keys: [['Alt', '3']], action: 'Show Events' },
    { keys: [['Alt', '4']], action: 'Show Firmware' },
    { keys: [[mod, ',']], action: 'Settings (desktop app)' },
    { keys: [['?']], action: 'Show these keyboard shortcuts' },
  ];
}

/** The "Keyboard shortcuts" dialog (Help menu, the "?" key, or its button). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const shortcuts = shortcutList(modifier());
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {shortcuts.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                {keys.map((combo, i) => (
                  <span key={combo.join('+')}>
                    {i > 0 && <span className="muted"> or </span>}
                    {combo.map((key, j) => (
                      <span key={key}>
                        {j > 0 && '+'}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </span>
                ))}
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default ShortcutsDialog;
