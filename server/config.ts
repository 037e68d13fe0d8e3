/** Everything the server reads from its environment, checked once at start. See README "Configuration". */
import { DEFAULT_TTLS } from './store/room-store.ts';
import { RECORDS_RETENTION_DAYS } from '../src/lib/room/room.records.ts';

export interface Config {
	port: number;
	/** undefined: every interface, so phones on the room's network can reach the server. */
	host: string | undefined;
	redisUrl: string | undefined;
	redisPrefix: string;
	/** Base of the links `POST /api/groups` returns; by default the address the request came to. */
	publicUrl: string | undefined;
	groupTtlS: number;
	sessionTtlS: number;
	/** Browser origins allowed besides the app's own, e.g. a second hostname. */
	allowedOrigins: string[];
	/** Behind a reverse proxy: trust X-Forwarded-For for the client's address. */
	trustProxy: boolean;
	/** Also append log lines to this file. */
	logFile: string | undefined;
	/** [R53] Days the records for funders keep a past session's counts. */
	recordsRetentionDays: number;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
	return {
		port: integer(env, 'PORT', 3000),
		host: env.HOST || undefined,
		redisUrl: env.REDIS_URL || undefined,
		redisPrefix: env.REDIS_PREFIX || 'rc',
		publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : undefined,
		groupTtlS: integer(env, 'GROUP_TTL_S', DEFAULT_TTLS.groupTtlS),
		sessionTtlS: integer(env, 'SESSION_TTL_S', DEFAULT_TTLS.sessionTtlS),
		allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
			.split(',')
			.map((o) => o.trim())
			.filter(Boolean)
			.map((o) => new URL(o).origin),
		trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
		logFile: env.LOG_FILE || undefined,
		recordsRetentionDays: integer(env, 'RECORDS_RETENTION_DAYS', RECORDS_RETENTION_DAYS)
	};
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return value;
}
