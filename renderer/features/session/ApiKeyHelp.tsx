import { useStore } from '../../store';

/** Where an API key comes from, how long it lasts, and what Google/Apple sign-up accounts need. */
export function ApiKeyHelp() {
  const openExternal = useStore((s) => s.openExternal);
  return (
    <section className="help" aria-labelledby="api-key-help-title">
      <h2 id="api-key-help-title">Where do I get an API key?</h2>
      <ol>
        <li>
          Open the Wyze developer console and sign in with the same Wyze account.{' '}
          <button type="button" className="link" onClick={() => void openExternal('apiKeyConsole')}>
            Get a Wyze API key…
          </button>
        </li>
        <li>
          Create a key. Wyze shows two values: the <strong>key ID</strong> (the shorter one) and the{' '}
          <strong>API key</strong>. Paste each into its own field here.
        </li>
      </ol>
      <ul>
        <li>A key lasts one year. When Wyze stops accepting it, create a new one.</li>
        <li>
          Each account has one key: creating a new one stops the old one everywhere else it is used
          (Home Assistant, docker-wyze-bridge and the like).
        </li>
        <li>
          Signed up with Google or Apple? Your account has no Wyze password yet. In the Wyze app,
          choose “Forgot password” with the same e-mail to set one, then use it here.
        </li>
        <li>
          Your password is never stored. The key and the sign-in tokens are kept in your system
          keychain, and only this app’s main process ever reads them.
        </li>
      </ul>
      <button type="button" className="link" onClick={() => void openExternal('apiKeyHelp')}>
        Wyze’s guide to API keys
      </button>
    </section>
  );
}
