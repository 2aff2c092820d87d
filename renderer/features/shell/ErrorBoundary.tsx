import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useStore } from '../../store';

/**
 * What the page shows instead of going blank when a screen cannot render (hostile or corrupt data,
 * a cached list from an older version…). It reads nothing from the list that broke the page, and
 * keeps the two ways out: reset the cached data, or sign out.
 */
function RenderFailure({ onRecovered }: { onRecovered: () => void }) {
  const resetting = useStore((s) => s.pending.resetCache);
  const signingOut = useStore((s) => s.pending.signOut);
  const resetCache = useStore((s) => s.resetCache);
  const signOut = useStore((s) => s.signOut);
  const actionError = useStore((s) => s.actionError);
  const busy = resetting || signingOut;
  const recoverWith = (action: () => Promise<boolean>) => async () => {
    if (await action()) onRecovered();
  };
  return (
    <main className="render-failure" aria-labelledby="render-failure-title">
      <h1 id="render-failure-title">Something here could not be shown</h1>
      <p>
        The app received data it cannot display. Reset the cached data to load the camera list again
        from Wyze, or sign out. Your Wyze account is not affected.
      </p>
      {actionError && (
        <p className="banner banner-error" role="alert">
          {actionError.message}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void recoverWith(resetCache)()}
        >
          Reset cached data
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void recoverWith(signOut)()}
        >
          Sign out
        </button>
      </div>
    </main>
  );
}

interface Props {
  children: ReactNode;
  /** Told about the error (tests, logging); the page never shows its message or stack. */
  onError?: (error: unknown, info: ErrorInfo) => void;
}

/** Catches a render error below it and shows RenderFailure; a way out tries the screens again. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  private readonly recovered = () => this.setState({ failed: false });

  override render(): ReactNode {
    return this.state.failed ? <RenderFailure onRecovered={this.recovered} /> : this.props.children;
  }
}
