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

const REFUSALS_WINDOW_MS = 10_000;

/**
 * [R69] Refusals of one kind (an event, a code, a group if any) are logged once when the first
 * comes, then as one line with their count every 10 s while they go on: a flood of bad commands or
 * connection attempts cannot flood the log.
 */
export class RefusalLog {
	#counts = new Map<string, { fields: LogFields; count: number }>();
	#timer: ReturnType<typeof setInterval>;

	constructor(
		private readonly log: Logger,
		private readonly event: 'command.refused' | 'socket.refused'
	) {
		this.#timer = setInterval(() => this.flush(), REFUSALS_WINDOW_MS);
		this.#timer.unref();
	}

	/** `detail` (a command type, an error's class name) is in the first line only. */
	note(code: string, where: { groupId?: string } = {}, detail: Pick<LogFields, 'type' | 'reason'> = {}): void {
		const key = `${where.groupId ?? ''}\0${code}`;
		const entry = this.#counts.get(key);
		if (entry) entry.count += 1;
		else {
			this.#counts.set(key, { fields: { ...where, code }, count: 0 });
			this.log.warn(this.event, { ...where, code, ...detail });
		}
	}

	flush(): void {
		for (const [key, { fields, count }] of this.#counts) {
			if (count > 0) this.log.warn(this.event, { ...fields, count });
			this.#counts.delete(key);
		}
	}

	close(): void {
		clearInterval(this.#timer);
		this.flush();
	}
}
