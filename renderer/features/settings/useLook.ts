import { useEffect } from 'react';
import { useStore } from '../../store';
import { isTyping } from '../shell/isTyping';

/**
 * Applies the theme setting to the page: `data-theme` on the root element, which styles.css
 * reads (System follows `prefers-color-scheme`; Light and Dark override it, form controls too).
 */
export function useTheme(): void {
  const theme = useStore((s) => s.viewPrefs.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** "?" opens the keyboard shortcuts, anywhere but in a text field or over another dialog. */
export function useShortcutsKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const { dialog, openDialog } = useStore.getState();
      if (dialog !== null) return;
      e.preventDefault();
      openDialog('shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
