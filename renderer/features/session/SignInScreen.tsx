import { wyze } from '../../api';
import { useStore } from '../../store';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useFocusHeading } from '../shell/useFocusHeading';
import { ApiKeyHelp } from './ApiKeyHelp';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const busy = useStore((s) => s.busy);
  const run = useStore((s) => s.run);
  const expired = useStore((s) => s.session.status === 'expired');
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1 ref={heading} tabIndex={-1}>
          {expired ? 'Sign in again' : 'Sign in to Wyze'}
        </h1>
        <p className="lead">
          See every camera on your Wyze account — online or not, its IP address and firmware — on
          this computer.
        </p>
        <ErrorBanner />
        <SignInForm />
        <div className="divider" role="presentation">
          <span>or</span>
        </div>
        <button
          type="button"
          className="secondary wide"
          disabled={busy !== null}
          onClick={() => void run('demo', () => wyze().startDemo())}
        >
          {busy === 'demo' ? 'Starting the demo…' : 'Explore with a demo account'}
        </button>
        <p className="hint">
          The demo runs on this computer with made-up cameras; it needs no Wyze account.
        </p>
      </div>
      <ApiKeyHelp />
    </main>
  );
}
