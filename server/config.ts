/** Everything the server reads from its environment, checked once at start. See README "Configuration". */
import { DEFAULT_LIMITS, type LimitSettings } from './limits.ts';
import { parseSentinels, type RedisTarget } from './redis.ts';
import { DEFAULT_TTLS } from './store/room-store.ts';
import { RECORDS_RETENTION_DAYS } from '../src/lib/room/room.records.ts';

export interface Config {
	port: number;
	/** undefined: every interface, so phones on the room's network can reach the server. */
	host: string | undefined;
	redisUrl: string | undefined;
	/** Redis behind Sentinels (REDIS_SENTINELS): where to ask, and what for. Unset: REDIS_URL or embedded. */
	redisSentinel: Omit<Extract<RedisTarget, { kind: 'sentinel' }>, 'kind'> | undefined;
	/** A command is acknowledged once its write reached this many replicas (`WAIT`). */
	redisMinReplicas: number;
	/** How long a write waits for its replicas before it is answered as retryable. */
	redisReplicaTimeoutMs: number;
	redisPrefix: string;
	/** The embedded store's directory (without REDIS_URL). */
	dataDir: string;
	/** Base of the links `POST /api/groups` returns; by default the address the request came to. */
	publicUrl: string | undefined;
	groupTtlS: number;
	sessionTtlS: number;
	/** Browser origins allowed besides the app's own, e.g. a second hostname. */
	allowedOrigins: string[];
	/** How many reverse proxies stand in front (0: none): the client's address is the one the nearest trusted proxy saw. */
	trustProxyHops: number;
	limits: LimitSettings;
	/** Also append log lines to this file. */
	logFile: string | undefined;
	/** [R53] Days the records for funders keep a past session's counts. */
	recordsRetentionDays: number;
}

/** Each limit's environment variable (README "Configuration" lists them with their defaults). */
export const LIMIT_ENV: Record<keyof LimitSettings, string> = {
	connectionsPerMinutePerAddress: 'CONNECTIONS_PER_MINUTE_PER_ADDRESS',
	socketsPerAddress: 'SOCKETS_PER_ADDRESS',
	handshakeTimeoutMs: 'HANDSHAKE_TIMEOUT_MS',
	commandsPer10sPerDevice: 'COMMANDS_PER_10S_PER_DEVICE',
	commandsInFlightPerSocket: 'COMMANDS_IN_FLIGHT_PER_SOCKET',
	floodRefusalsPer10s: 'FLOOD_REFUSALS_PER_10S',
	groupsPerHourPerAddress: 'GROUPS_PER_HOUR_PER_ADDRESS',
	codesPer10MinPerAddress: 'CODES_PER_10MIN_PER_ADDRESS',
	guessesPer10MinPerAddress: 'GUESSES_PER_10MIN_PER_ADDRESS',
	pollsPerMinutePerAddress: 'POLLS_PER_MINUTE_PER_ADDRESS'
};

export function readConfig(env: NodeJS.ProcessEnv): Config {
	const sentinels = env.REDIS_SENTINELS ? parseSentinels(env.REDIS_SENTINELS) : undefined;
	if (sentinels && env.REDIS_URL) throw new Error('Set REDIS_URL (one Redis) or REDIS_SENTINELS (a primary watched by Sentinels), not both.');
	const limits = { ...DEFAULT_LIMITS };
	for (const [name, variable] of Object.entries(LIMIT_ENV) as Array<[keyof LimitSettings, string]>)
		limits[name] = integer(env, variable, DEFAULT_LIMITS[name]);
	return {
		port: integer(env, 'PORT', 3000),
		host: env.HOST || undefined,
		redisUrl: env.REDIS_URL || undefined,
		redisSentinel: sentinels && {
			sentinels,
			master: env.REDIS_SENTINEL_MASTER || 'mymaster',
			username: env.REDIS_USERNAME || undefined,
			password: env.REDIS_PASSWORD || undefined,
			sentinelUsername: env.REDIS_SENTINEL_USERNAME || undefined,
			sentinelPassword: env.REDIS_SENTINEL_PASSWORD || undefined
		},
		// behind Sentinels a failover must not lose an acknowledged tap: wait for one replica by default
		redisMinReplicas: integer(env, 'REDIS_MIN_REPLICAS', sentinels ? 1 : 0),
		redisReplicaTimeoutMs: integer(env, 'REDIS_REPLICA_TIMEOUT_MS', 1000),
		redisPrefix: env.REDIS_PREFIX || 'rc',
		dataDir: env.DATA_DIR || 'data',
		publicUrl: env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : undefined,
		groupTtlS: integer(env, 'GROUP_TTL_S', DEFAULT_TTLS.groupTtlS),
		sessionTtlS: integer(env, 'SESSION_TTL_S', DEFAULT_TTLS.sessionTtlS),
		allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
			.split(',')
			.map((o) => o.trim())
			.filter(Boolean)
			.map((o) => new URL(o).origin),
		// `true` (the old spelling) means one proxy
		trustProxyHops: env.TRUST_PROXY === 'true' ? 1 : integer(env, 'TRUST_PROXY', 0),
		limits,
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
