import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_ACTIVITY_PAGE } from '../../../common/watch';
import type { ActivityKind, ActivityRecord } from '../../../common/watch';
import { useStore } from '../../store';
import { listActivity } from '../../store/watch-actions';

/** The history as far as the page has read it, for one question (camera and kinds). */
export interface ActivityPages {
  /** Newest first. */
  records: readonly ActivityRecord[];
  /** How many records match in all. */
  total: number;
  /** Where "Load more" continues; null when every record is shown. */
  nextCursor: string | null;
  /** The first page: on its way, shown, or failed (`error`). */
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  moreError: string | null;
}

const loading: ActivityPages = {
  records: [],
  total: 0,
  nextCursor: null,
  status: 'loading',
  error: null,
  loadingMore: false,
  moreError: null,
};

/**
 * Reads the history a page at a time (`listActivity`), newest first, for `mac` (null: every
 * camera) and `kinds` (empty: all). Reads the first page again whenever the question changes or
 * main records something (`historyRevision`): as many records as are shown, so "Load more" pages
 * already read stay. An answer to an older read is dropped.
 */
export function useActivityPages(
  mac: string | null,
  kinds: readonly ActivityKind[],
  pageSize: number,
): ActivityPages & { loadMore(): void; retry(): void } {
  const revision = useStore((s) => s.watch.historyRevision);
  const [pages, setPages] = useState<ActivityPages>(loading);
  const [attempt, setAttempt] = useState(0);
  const reads = useRef(0);
  const shown = useRef(0);
  const kindsKey = kinds.join(',');
  const questionKey = `${mac ?? '*'}|${kindsKey}`;
  const lastQuestion = useRef(questionKey);
  // How many records are shown, for the next re-read (read in effects only).
  useEffect(() => {
    shown.current = pages.records.length;
  }, [pages.records.length]);

  useEffect(() => {
    const read = ++reads.current;
    const sameQuestion = lastQuestion.current === questionKey;
    lastQuestion.current = questionKey;
    // A new question starts over; a new record keeps what is shown while page 1 is read again.
    if (!sameQuestion) setPages(loading);
    const limit = Math.min(MAX_ACTIVITY_PAGE, Math.max(pageSize, sameQuestion ? shown.current : 0));
    const query = {
      mac,
      kinds: kindsKey === '' ? [] : (kindsKey.split(',') as ActivityKind[]),
      before: null,
      limit,
    };
    void listActivity(query).then((result) => {
      if (read !== reads.current) return;
      setPages((current) =>
        result.ok
          ? {
              ...loading,
              status: 'ready',
              records: result.value.records,
              total: result.value.total,
              nextCursor: result.value.nextCursor,
            }
          : current.status === 'ready' && sameQuestion
            ? current // keep what is shown; the next record or a retry reads again
            : { ...loading, status: 'error', error: result.error.message },
      );
    });
  }, [mac, kindsKey, questionKey, pageSize, revision, attempt]);

  const loadMore = useCallback(() => {
    const cursor = pages.nextCursor;
    if (cursor === null || pages.loadingMore) return;
    const read = reads.current;
    setPages((p) => ({ ...p, loadingMore: true, moreError: null }));
    const query = {
      mac,
      kinds: kindsKey === '' ? [] : (kindsKey.split(',') as ActivityKind[]),
      before: cursor,
      limit: pageSize,
    };
    void listActivity(query).then((result) => {
      if (read !== reads.current) return; // the list was read again meanwhile
      setPages((p) => {
        if (!result.ok) return { ...p, loadingMore: false, moreError: result.error.message };
        const known = new Set(p.records.map((r) => r.id));
        return {
          ...p,
          records: [...p.records, ...result.value.records.filter((r) => !known.has(r.id))],
          total: result.value.total,
          nextCursor: result.value.nextCursor,
          loadingMore: false,
        };
      });
    });
  }, [mac, kindsKey, pageSize, pages.nextCursor, pages.loadingMore]);

  const retry = useCallback(() => {
    setPages(loading);
    setAttempt((n) => n + 1);
  }, []);
  return { ...pages, loadMore, retry };
}
