/**
 * The app's one logger. Everything it writes passes through redaction by key name, by the shape of
 * known secret formats, and by the exact secret values registered at run time (security S16).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
  time: number;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Registers a secret value (password, API key …) so it is masked wherever it appears. */
  addSecret(value: string): void;
  /** Removes registered secrets (on sign-out). */
  forgetSecrets(): void;
  /** Masks secrets in text that came from elsewhere (a server message) before it is shown. */
  scrub(text: string): string;
}

const REDACTED = '[redacted]';
const SECRET_KEY =
  /token|password|passwd|secret|api[-_]?key|key[-_]?id|authorization|verification|session[-_]?id|cookie|enr|signal+ing[-_]?url/i;
const SECRET_PATTERNS = [
  /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]{4,}/g, // JWTs
  /lvtx\.[\w+/=-]+/g, // legacy opaque tokens
  /\b[0-9a-f]{32}\b/gi, // MD5 hex: password hashes
  // A pre-signed signalling URL's credentials (docs/security.md, S25), wherever a URL is quoted.
  /X-Amz-(?:Signature|Security-Token|Credential)=[^&\s"']*/gi,
];
const MAX_DEPTH = 6;
const MAX_STRING = 2_000;

export interface LoggerOptions {
  sink?: (record: LogRecord) => void;
  level?: LogLevel;
  now?: () => number;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The default sink: one JSON line per record on stderr. */
export const consoleSink = (record: LogRecord): void => console.error(JSON.stringify(record));

/** One sink that hands every (already redacted) record to each of `sinks`. */
export function combineSinks(
  ...sinks: ((record: LogRecord) => void)[]
): (record: LogRecord) => void {
  return (record) => {
    for (const sink of sinks) sink(record);
  };
}

export function createLogger(options: LoggerOptions = {}): Logger & {
  redact: (value: unknown) => unknown;
} {
  const secrets = new Set<string>();
  const sink = options.sink ?? consoleSink;
  const min = ORDER[options.level ?? 'info'];
  const now = options.now ?? Date.now;

  const redactString = (text: string): string => {
    let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
    return out;
  };

  const redact = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH) return '[…]';
    if (value instanceof Error) return { name: value.name, message: redactString(value.message) };
    if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
    }
    return out;
  };

  const write =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (ORDER[level] < min) return;
      const record: LogRecord = { level, message: redactString(message), time: now() };
      if (fields) record.fields = redact(fields) as Record<string, unknown>;
      sink(record);
    };

  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    addSecret: (value) => {
      if (value.length >= 4) secrets.add(value);
    },
    forgetSecrets: () => secrets.clear(),
    scrub: redactString,
    redact: (value) => redact(value),
  };
}
