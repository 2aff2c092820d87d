import { useStore } from '../../store';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useFocusHeading } from '../shell/useFocusHeading';
import { ApiKeyHelp } from './ApiKeyHelp';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const startingDemo = useStore((s) => s.pending.startDemo);
  const signingIn = useStore((s) => s.pending.signIn);
  const startDemo = useStore((s) => s.startDemo);
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
          disabled={startingDemo || signingIn}
          onClick={() => void startDemo()}
        >
          {startingDemo ? 'Starting the demo…' : 'Explore with a demo account'}
        </button>
        <p className="hint">
          The demo runs on this computer with made-up cameras; it needs no Wyze account.
        </p>
      </div>
      <ApiKeyHelp />
    </main>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default SignInScreen;
