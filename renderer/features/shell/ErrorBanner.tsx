import { useStore } from '../../store';
import type { ErrorDto } from '../../../common/result';

const RETRYABLE = new Set([
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'UNEXPECTED_RESPONSE',
  'RESPONSE_TOO_LARGE',
  'UNKNOWN_CODE',
  'PARAMETER_ERROR',
  'TOKEN_REFUSED',
  'INTERNAL',
]);

/**
 * The one place errors are shown: the user's last action first, then the camera list's, then
 * the session's. Each says what happened and offers the next step.
 */
export function ErrorBanner() {
  const actionError = useStore((s) => s.actionError);
  const listError = useStore((s) => (s.session.status === 'signedIn' ? s.list.error : null));
  const sessionError = useStore((s) => s.session.error);
  const clearError = useStore((s) => s.clearError);
  const refreshCameras = useStore((s) => s.refreshCameras);
  const error: ErrorDto | null = actionError ?? listError ?? sessionError;
  if (!error) return null;
  const fromList = !actionError && error === listError;
  return (
    <div className="banner banner-error" role="alert">
      <p>{error.message}</p>
      <div className="banner-actions">
        {fromList && RETRYABLE.has(error.code) && (
          <button type="button" onClick={() => void refreshCameras()}>
            Try again
          </button>
        )}
        {actionError && (
          <button type="button" className="secondary" onClick={clearError}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
