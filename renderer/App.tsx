import { lazy, Suspense, useEffect } from 'react';
import { CamerasScreen } from './features/cameras/CamerasScreen';
import { Dialogs } from './features/settings/Dialogs';
import { useShortcutsKey, useTheme } from './features/settings/useLook';
import { ErrorBoundary } from './features/shell/ErrorBoundary';
import { useStore } from './store';

// Each screen is its own chunk: signing in does not load the camera list's table and
// virtualiser, and a signed-in start does not load the sign-in form (renderer/README.md,
// "Bundle budget").
const SignInScreen = lazy(() => import('./features/session/SignInScreen'));

// Only accounts with two-step verification see it, after signing in (renderer/README.md,
// "Bundle budget").
const MfaScreen = lazy(() => import('./features/session/MfaScreen'));

/** Ctrl/Cmd+R refreshes the list (the desktop menu has the same accelerator). */
function useRefreshShortcut() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'r') {
        e.preventDefault();
        const state = useStore.getState();
        if (state.session.status === 'signedIn') void state.refreshCameras();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Shown while the session is read, and while the screen for it loads. */
function Splash() {
  return (
    <main className="splash" aria-busy="true">
      <p role="status">Starting…</p>
    </main>
  );
}

/** The screen for the session status. */
function Screen() {
  const status = useStore((s) => s.session.status);
  const hasList = useStore((s) => s.list.fetchedAt !== null);
  if (status === 'starting') return <Splash />;
  if (status === 'mfa') return <MfaScreen />;
  if (status === 'signedIn' || ((status === 'expired' || status === 'signingIn') && hasList)) {
    return <CamerasScreen />;
  }
  return <SignInScreen />;
}

export function App() {
  const reportRenderError = useStore((s) => s.reportRenderError);
  useRefreshShortcut();
  useTheme();
  useShortcutsKey();
  return (
    <ErrorBoundary onError={(error, info) => reportRenderError(error, info.componentStack ?? '')}>
      <Suspense fallback={<Splash />}>
        <Screen />
      </Suspense>
      <Dialogs />
    </ErrorBoundary>
  );
}
