import { lazy, Suspense, useEffect } from 'react';
import { endFirstScreen } from '../../first-screen';
import { plural } from '../../format';
import { useStore } from '../../store';
import { selectCameraCounts } from '../../store/selectors';
import { ExportButton } from '../export/ExportButton';
import { LiveArea, LiveWallButton } from '../live/openers';
import { SettingsButtons } from '../settings/Dialogs';
import { ErrorBanner } from '../shell/ErrorBanner';
import { LoadingNotice } from '../shell/Loading';
import { CameraViews } from '../pictures/CameraViews';
import { useFocusHeading } from '../shell/useFocusHeading';
import { ViewsNav } from '../watch/ViewsNav';
import { WatchNotices } from '../watch/WatchNotices';
// The other views' styles come with the list, so their chunks are plain scripts.
import '../watch/watch.css';
import { CameraTable } from './CameraTable';
import { FindCameras } from './FindBar';
import { UpdatedAgo } from './UpdatedAgo';

function Header() {
  const email = useStore((s) => s.session.email);
  const demo = useStore((s) => s.session.demo);
  const signingOut = useStore((s) => s.pending.signOut);
  const signOut = useStore((s) => s.signOut);
  const heading = useFocusHeading<HTMLHeadingElement>();
  return (
    <header className="app-header">
      <h1 ref={heading} tabIndex={-1}>
        Wyzecam Desktop
      </h1>
      {demo && (
        <span className="badge" title="A made-up account served on this computer">
          Demo
        </span>
      )}
      <span className="account" aria-label="Signed in as">
        {email}
      </span>
      <SettingsButtons />
      <button
        type="button"
        className="secondary"
        disabled={signingOut}
        onClick={() => void signOut()}
      >
        Sign out
      </button>
    </header>
  );
}

function Notices() {
  const persistence = useStore((s) => s.session.persistence);
  const demo = useStore((s) => s.session.demo);
  if (demo) {
    return (
      <p className="banner banner-info" role="status">
        Demo: these cameras are made up and served on this computer. Sign out to leave the demo.
      </p>
    );
  }
  if (persistence === 'memory') {
    return (
      <p className="banner banner-warn" role="status">
        This computer’s keychain is not available, so your sign-in is kept for this session only:
        you will need to sign in again after quitting. Nothing secret was written to disk.
      </p>
    );
  }
  return null;
}

/** The one live region of the camera screen: refresh progress and short confirmations. */
function Announcer() {
  const refreshing = useStore((s) => s.list.refreshing);
  const announcement = useStore((s) => s.announcement);
  return (
    <span className="visually-hidden" role="status">
      {refreshing ? 'Refreshing the camera list' : announcement}
    </span>
  );
}

function Toolbar() {
  const { cameras: cameraCount, online, others } = useStore(selectCameraCounts);
  const refreshCameras = useStore((s) => s.refreshCameras);
  const refreshing = useStore((s) => s.list.refreshing);
  const signedIn = useStore((s) => s.session.status === 'signedIn');
  return (
    <div className="toolbar">
      <p className="summary">
        {plural(cameraCount, 'camera')} · {online} online
        {others > 0 && ` · + ${plural(others, 'other Wyze device')}`}
      </p>
      <UpdatedAgo />
      <LiveWallButton />
      <ExportButton />
      <button
        type="button"
        className="primary"
        aria-busy={refreshing}
        aria-keyshortcuts="Control+R Meta+R"
        disabled={!signedIn}
        onClick={() => void refreshCameras()}
      >
        <span className={refreshing ? 'spinner' : 'spinner idle'} aria-hidden="true" />
        Refresh
      </button>
    </div>
  );
}

// Needed only when Wyze ends the session; the sign-in screen has it too (renderer/README.md,
// "Bundle budget").
const SignInForm = lazy(() => import('../session/SignInForm'));

function ExpiredPanel() {
  const expired = useStore(
    (s) => s.session.status === 'expired' || s.session.status === 'signingIn',
  );
  if (!expired) return null;
  return (
    <section className="panel" aria-labelledby="expired-title">
      <h2 id="expired-title">Sign in again to refresh</h2>
      <p>
        Wyze ended this session. The list below is what Wyze last reported; sign in to bring it up
        to date.
      </p>
      <Suspense fallback={<LoadingNotice />}>
        <SignInForm />
      </Suspense>
    </section>
  );
}

function Body() {
  const fetchedAt = useStore((s) => s.list.fetchedAt);
  const refreshing = useStore((s) => s.list.refreshing);
  const count = useStore((s) => selectCameraCounts(s).cameras);
  if (fetchedAt === null) {
    return (
      <p className="empty" role="status" aria-busy={refreshing}>
        {refreshing ? 'Loading your cameras…' : 'No camera list yet. Choose Refresh to load it.'}
      </p>
    );
  }
  if (count === 0) return <p className="empty">There are no cameras on this account.</p>;
  return (
    <>
      <FindCameras />
      <CameraViews table={<CameraTable />} />
    </>
  );
}

// The views besides the list load when first shown (renderer/README.md, "Bundle budget").
const ActivityView = lazy(() => import('../activity/ActivityView'));
const EventsView = lazy(() => import('../events/EventsView'));
const FirmwareView = lazy(() => import('../firmware/FirmwareView'));

/** The view the "Views" navigation picked (the store's `appView`, kept across a reload). */
function CurrentView() {
  const view = useStore((s) => s.appView);
  if (view === 'cameras') {
    return (
      <>
        <Toolbar />
        <Body />
      </>
    );
  }
  return (
    <Suspense fallback={<LoadingNotice />}>
      {view === 'activity' && <ActivityView />}
      {view === 'events' && <EventsView />}
      {view === 'firmware' && <FirmwareView />}
    </Suspense>
  );
}

export function CamerasScreen() {
  // A first screen written into the page has been taken over: from now on rows fill the window and
  // times are the clock's (renderer/first-screen.ts). Here, not in App: React takes the markup
  // inside App's Suspense boundary over in a pass of its own, after App's effects have run.
  useEffect(() => endFirstScreen(), []);
  return (
    <div className="app">
      <Header />
      <ViewsNav />
      <main>
        <Notices />
        <ErrorBanner />
        <ExpiredPanel />
        <WatchNotices />
        <CurrentView />
        <Announcer />
        <LiveArea />
      </main>
    </div>
  );
}
