import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { MfaMethod } from '../../../common/device';
import { formatMoment } from '../../format';
import { useStore } from '../../store';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useFocusHeading } from '../shell/useFocusHeading';

const LABELS: Record<MfaMethod, string> = {
  totp: 'Authenticator app',
  sms: 'Text message',
  email: 'E-mail',
};

/** The second step: only the methods the account has, with "send the code again" for text and e-mail. */
export function MfaScreen() {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const mfa = useStore((s) => s.session.mfa);
  const email = useStore((s) => s.session.email);
  const verifying = useStore((s) => s.pending.verifyMfa);
  const sending = useStore((s) => s.pending.sendMfaCode);
  const verifyMfa = useStore((s) => s.verifyMfa);
  const sendMfaCode = useStore((s) => s.sendMfaCode);
  const cancelSignIn = useStore((s) => s.cancelSignIn);
  const [method, setMethod] = useState<MfaMethod>(mfa?.preferred ?? mfa?.methods[0] ?? 'totp');
  const [code, setCode] = useState('');
  // "Today" for the sent-at time; a code older than the screen is shown with its date.
  const [openedAt] = useState(() => Date.now());
  const codeId = useId();
  if (!mfa) return null;

  const sentAt = method === 'totp' ? undefined : mfa.sent[method];
  const destination = method === 'sms' ? (mfa.phoneHint ?? 'your phone') : (email ?? 'your e-mail');

  async function verify(event: FormEvent) {
    event.preventDefault();
    const accepted = await verifyMfa(method, code);
    if (!accepted) setCode('');
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <h1 ref={heading} tabIndex={-1}>
          Two-step verification
        </h1>
        <p className="lead">
          Wyze asks for a code to finish signing in{email ? ` as ${email}` : ''}.
        </p>
        <ErrorBanner />
        <form onSubmit={(e) => void verify(e)} noValidate>
          <fieldset className="methods">
            <legend>How do you want to get the code?</legend>
            {mfa.methods.map((m) => (
              <label key={m} className="method">
                <input
                  type="radio"
                  name="mfa-method"
                  value={m}
                  checked={method === m}
                  onChange={() => setMethod(m)}
                />
                {LABELS[m]}
                {m === 'sms' && mfa.phoneHint ? ` (${mfa.phoneHint})` : ''}
              </label>
            ))}
          </fieldset>
          {method === 'totp' ? (
            <p className="hint">
              Open your authenticator app and enter the six-digit code it shows for Wyze.
            </p>
          ) : (
            <div className="send-code">
              <button
                type="button"
                className="secondary"
                disabled={sending || verifying}
                onClick={() => void sendMfaCode(method)}
              >
                {sentAt ? 'Send the code again' : 'Send code'}
              </button>
              <p className="hint" role="status">
                {sentAt
                  ? `Code sent to ${destination} at ${formatMoment(sentAt, openedAt)}.`
                  : `Wyze will send a code to ${destination}.`}
              </p>
            </div>
          )}
          <div className="field">
            <label htmlFor={codeId}>Verification code</label>
            <input
              id={codeId}
              value={code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              onChange={(e) => setCode(e.target.value)}
            />
          </div>
          <div className="row">
            <button
              type="submit"
              className="primary"
              disabled={verifying || sending || !code.trim()}
            >
              {verifying ? 'Verifying…' : 'Verify'}
            </button>
            <button type="button" className="secondary" onClick={() => void cancelSignIn()}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default MfaScreen;
