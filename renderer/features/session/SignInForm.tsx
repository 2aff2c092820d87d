import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from '../../store';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  error?: string | null;
  hint?: string;
  revealable?: boolean;
}

function Field({
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  error,
  hint,
  revealable,
}: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          type={revealable && shown ? 'text' : type}
          value={value}
          autoComplete={autoComplete}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {revealable && (
          <button
            type="button"
            className="secondary reveal"
            aria-pressed={shown}
            aria-label={`Show ${label.toLowerCase()}`}
            onClick={() => setShown(!shown)}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * E-mail, password, API key ID and API key. When a key from the last sign-in is in the keychain,
 * its fields stay folded away (it is reused) unless the user chooses to replace it.
 */
export function SignInForm({ submitLabel = 'Sign in' }: { submitLabel?: string }) {
  const session = useStore((s) => s.session);
  const pending = useStore((s) => s.pending.signIn);
  const signIn = useStore((s) => s.signIn);
  const [email, setEmail] = useState(session.email ?? '');
  const [password, setPassword] = useState('');
  const [keyId, setKeyId] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [replaceKey, setReplaceKey] = useState(!session.hasStoredApiKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const working = pending || session.status === 'signingIn';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = 'Enter the e-mail of your Wyze account.';
    if (!password) next.password = 'Enter your Wyze password.';
    if (replaceKey && !keyId.trim())
      next.keyId = 'Enter the API key ID from the Wyze developer console.';
    if (replaceKey && !apiKey.trim())
      next.apiKey = 'Enter the API key from the Wyze developer console.';
    setErrors(next);
    if (Object.keys(next).length) return;
    const accepted = await signIn(
      replaceKey ? { email, password, keyId, apiKey } : { email, password },
    );
    if (accepted) setPassword('');
  }

  return (
    <form className="sign-in-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={working}>
      <Field
        label="Email"
        value={email}
        onChange={setEmail}
        type="email"
        autoComplete="username"
        error={errors.email}
      />
      <Field
        label="Password"
        value={password}
        onChange={setPassword}
        type="password"
        autoComplete="current-password"
        error={errors.password}
        revealable
      />
      {replaceKey ? (
        <>
          <Field
            label="API key ID"
            value={keyId}
            onChange={setKeyId}
            autoComplete="off"
            error={errors.keyId}
            hint="The shorter of the two values Wyze shows."
          />
          <Field
            label="API key"
            value={apiKey}
            onChange={setApiKey}
            type="password"
            autoComplete="off"
            error={errors.apiKey}
            revealable
          />
        </>
      ) : (
        <p className="hint">
          Using the API key saved in your keychain.{' '}
          <button type="button" className="link" onClick={() => setReplaceKey(true)}>
            Use a different API key
          </button>
        </p>
      )}
      <button type="submit" className="primary" disabled={working}>
        {working ? 'Signing in…' : submitLabel}
      </button>
    </form>
  );
}

/** For `React.lazy` (renderer/README.md, "Bundle budget"). */
export default SignInForm;
