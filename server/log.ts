/**
 * Structured, privacy-safe logging: one JSON line per event, named by kind. The field names are a
 * closed list on purpose: nothing a person typed, no name, credential, pairing code or key can be
 * passed, because there is no field to pass it in.
 */
interface LogFields {
	groupId?: string;
	deviceId?: string;
	role?: string;
	/** A command type (a fixed name from the protocol), never its fields. */
	type?: string;
	code?: string;
	store?: string;
	connection?: string;
	/** An error's class name, never its message (messages can quote input). */
	reason?: string;
	port?: number;
	/** A server's host:port (a Redis primary after a failover), never a URL with credentials. */
	address?: string;
	count?: number;
	ms?: number;
}

type LogLevel = 'info' | 'warn' | 'error';

/** What goes in `reason`: an error's class name, never its message (messages can quote input). */
export const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');

export interface Logger {
	info(event: string, fields?: LogFields): void;
	warn(event: string, fields?: LogFields): void;
	error(event: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink = (line) => process.stdout.write(line + '\n')): Logger {
	const emit = (level: LogLevel, event: string, fields: LogFields = {}) =>
		sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
	return {
		info: (event, fields) => emit('info', event, fields),
		warn: (event, fields) => emit('warn', event, fields),
		error: (event, fields) => emit('error', event, fields)
	};
}

/** For tests: keeps every line so a test can search them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
	const lines: string[] = [];
	return Object.assign(createLogger((line) => lines.push(line)), { lines });
}
