import { useEffect } from 'react';
import { useStore } from '../../store';
import { connectLive } from '../../store/live-sessions';
import { LiveViewer } from './LiveViewer';
import { LiveWall } from './LiveWall';

/**
 * Live view's lazily loaded part (renderer/README.md, "Bundle budget"): the viewer or the wall,
 * and, while either is open, the sessions behind them (store/live-sessions.ts).
 */
export function LiveViews() {
  const viewer = useStore((s) => s.liveViewer);
  const wall = useStore((s) => s.liveWall !== null);
  // Closing the last view unmounts this and ends every session with it.
  useEffect(() => connectLive(), []);
  return (
    <>
      {viewer !== null && <LiveViewer mac={viewer} />}
      {wall && <LiveWall />}
    </>
  );
}

/** For `React.lazy`. */
export default LiveViews;
