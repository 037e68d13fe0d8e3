/** The HTTP API: `POST /api/groups` and `GET /healthz`. Mounted by server/index.ts and by the dev server. */
import express, { type ErrorRequestHandler, type Request } from 'express';
import { ERROR_CODE, LIMITS, type CreateGroupResponse, type ProtocolError } from '../src/lib/protocol/protocol.ts';
import { CREATE_GROUP_BODY } from '../src/lib/protocol/requests.ts';
import { check } from '../src/lib/protocol/schema.ts';
import type { RoomState } from '../src/lib/protocol/protocol.ts';
import type { Deps } from './app.ts';
import { newGroupId } from './credentials.ts';
import { allowed } from './limits.ts';
import { originAllowed } from './origins.ts';
import { pairingRoutes } from './pairing.ts';
import { DEVICE_KIND, newGroup } from './rooms.ts';
import { StoreUnavailableError } from './store/room-store.ts';

const UNREADABLE: ProtocolError = { code: ERROR_CODE.invalidPayload, message: 'Send a JSON object { "name": "..." }.' };

export function createApi(deps: Deps, broadcast: (state: RoomState) => void): express.Express {
	const { store, log, publicUrl, now } = deps;
	const api = express();
	api.disable('x-powered-by');
	api.set('trust proxy', deps.trustProxyHops);
	// the security headers: set for every answer of this HTTP server, pages and API (socket-server.ts)
	// [R46] the API answers browser pages of this app only
	api.use('/api', (req, res, next) => {
		if (req.method === 'GET' || originAllowed(req, deps.allowedOrigins)) return next();
		res.status(403).json(problem(ERROR_CODE.forbidden, 'Requests from other sites are not accepted.'));
	});

	// [R51] 200 while the store answers, 503 while it does not (the process itself stays up); which
	// build answers, and since when, for whoever runs it
	api.get('/healthz', async (_req, res) => {
		const [ok, about] = await Promise.all([store.ping(), deps.describeStore().catch(() => ({}))]);
		res.status(ok ? 200 : 503).json({ ok, store: store.kind, version: deps.version, uptimeS: Math.round(process.uptime()), ...about });
	});

	api.post('/api/groups', express.json({ limit: LIMITS.HTTP_BODY_MAX_BYTES }), async (req, res) => {
		// [R70] each group is kept for months: one address cannot make them without end
		if (!(await allowed(deps.limiters.group, deps.addressOf(req))))
			return void res.status(429).json(problem(ERROR_CODE.rateLimited, 'Too many new groups from this address. Try again in an hour.'));
		const body = check(CREATE_GROUP_BODY, req.body, UNREADABLE);
		if (!body.ok) return void res.status(400).json({ error: body.error });

		const groupId = newGroupId();
		const { room, credentials } = newGroup(groupId, body.value.name, now());
		try {
			await store.create(room);
		} catch (error) {
			log.error('group.create_failed', { reason: error instanceof Error ? error.name : 'unknown' });
			const unavailable = error instanceof StoreUnavailableError;
			return void res
				.status(503)
				.json(problem(unavailable ? ERROR_CODE.unavailable : ERROR_CODE.internal, 'The group could not be saved. Try again in a moment.'));
		}
		log.info('group.created', { groupId });
		const origin = publicUrl ?? requestOrigin(req);
		const link = (kind: string) => `${origin}/g/${groupId}/${kind}#key=${encodeURIComponent(credentials[kind as keyof typeof credentials])}`;
		const response: CreateGroupResponse = {
			groupId,
			links: { remote: link(DEVICE_KIND.remote), desk: link(DEVICE_KIND.desk), display: link(DEVICE_KIND.display) }
		};
		res.status(201).json(response);
	});

	api.use(pairingRoutes({ ...deps, addressOf: deps.addressOf, onAdmitted: broadcast }));

	api.use('/api', (_req, res) => {
		res.status(404).json(problem(ERROR_CODE.notFound, 'There is no such API endpoint.'));
	});

	const onError: ErrorRequestHandler = (error, _req, res, _next) => {
		// [R51] an outage gets the same answer on every route
		if (error instanceof StoreUnavailableError) {
			log.warn('api.unavailable', { reason: error.name });
			return void res.status(503).json(problem(ERROR_CODE.unavailable, 'The server cannot reach its store right now. Try again in a moment.'));
		}
		const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
		if (status >= 500) log.error('api.error', { reason: error instanceof Error ? error.name : 'unknown' });
		res.status(status).json(problem(status < 500 ? ERROR_CODE.invalidPayload : ERROR_CODE.internal, bodyProblem(status, error)));
	};
	api.use(onError);
	return api;
}

/** What was wrong with a body Express could not read, in words (its own limit, as each route set it). */
function bodyProblem(status: number, error: { type?: string; limit?: number } | undefined): string {
	if (status === 413) return `The request body is larger than ${error?.limit ?? LIMITS.HTTP_BODY_MAX_BYTES} bytes.`;
	if (status === 415) return 'The request body is in an encoding this server does not read: send plain JSON.';
	if (status >= 500) return 'Something went wrong on the server.';
	return 'The request body is not valid JSON.';
}

function problem(code: ProtocolError['code'], message: string): { error: ProtocolError } {
	return { error: { code, message } };
}

function requestOrigin(req: Request): string {
	return `${req.protocol}://${req.get('host')}`;
}
