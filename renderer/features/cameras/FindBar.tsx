import { useEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { prepareSearch } from '../../../common/camera-query';
import { MAX_SEARCH_LENGTH } from '../../../common/prefs';
import { useStore } from '../../store';
import { isTyping } from '../shell/isTyping';
import { FilterBar } from './FilterBar';
import { selectCameraCounts, selectShownCount } from '../../store/selectors';
import './list.css';

/** Ctrl+F / Cmd+F (anywhere) and "/" (outside a text field) put the cursor in the search box. */
function useSearchShortcut(input: RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const find =
        (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if (!find && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}

/** "N of M cameras": how many the search and filters leave, of all on the account. */
export function CountLine() {
  const shown = useStore(selectShownCount);
  const total = useStore((s) => selectCameraCounts(s).cameras);
  return (
    <p className="count-line" id="camera-count" aria-live="polite">
      {shown} of {total} {total === 1 ? 'camera' : 'cameras'}
    </p>
  );
}

/** The search box: filters the list as you type, matching the fields common/camera-query.ts names. */
export function SearchBox() {
  const search = useStore((s) => s.viewPrefs.search);
  const setSearch = useStore((s) => s.setSearch);
  const devices = useStore((s) => s.list.devices);
  const input = useRef<HTMLInputElement>(null);
  useSearchShortcut(input);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Esc empties a search first; an empty box lets Esc through (to close a pane, say).
    if (e.key === 'Escape' && search !== '') {
      e.preventDefault();
      e.stopPropagation();
      setSearch('');
    }
  };
  return (
    <div className="search-box">
      <label htmlFor="camera-search">Search cameras</label>
      <input
        ref={input}
        id="camera-search"
        type="search"
        value={search}
        maxLength={MAX_SEARCH_LENGTH}
        placeholder="Name, model, IP, MAC, firmware, Wi-Fi…"
        aria-keyshortcuts="Control+F Meta+F /"
        aria-describedby="camera-count"
        autoComplete="off"
        spellCheck={false}
        onFocus={() => prepareSearch(devices)}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}

/** Search, count, filters and grouping: everything that decides which cameras the list shows. */
export function FindCameras() {
  return (
    <div className="find" role="search" aria-label="Find cameras">
      <div className="find-line">
        <SearchBox />
        <CountLine />
      </div>
      {/* In the first screen's script (1.3 kB gzipped), not loaded after it: a row that arrives
          later moves the list under the pointer unless its stand-in wraps exactly as it does at
          every window width. Its menus' values are counted after the first paint. */}
      <FilterBar />
    </div>
  );
}
