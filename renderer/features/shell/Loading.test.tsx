import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADING_NOTICE_DELAY_MS, LoadingNotice } from './Loading';

describe('LoadingNotice (the fallback of a lazily loaded part)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for a quick load, then a "Loading…" status', () => {
    render(<LoadingNotice />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => vi.advanceTimersByTime(LOADING_NOTICE_DELAY_MS - 1));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
  });

  it('leaves no timer behind when the part arrives first', () => {
    const { unmount } = render(<LoadingNotice />);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
