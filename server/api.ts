/** The HTTP API: `POST /api/groups` and `GET /healthz`. Mounted by server/index.ts and by the dev server. */
import express, { type ErrorRequestHandler, type Request } from 'express';
import { ERROR_CODE, LIMITS, type CreateGroupResponse, type ProtocolError } from '../src/lib/protocol/protocol.ts';
import { isPlainObject, text } from '../src/lib/protocol/schema.ts';
import type { RoomState } from '../src/lib/protocol/protocol.ts';
import type { Deps } from './app.ts';
import { newGroupId } from './credentials.ts';
import { originAllowed } from './origins.ts';
import { pairingRoutes } from './pairing.ts';
import { DEVICE_KIND, newGroup } from './rooms.ts';
import { StoreUnavailableError } from './store/room-store.ts';

const groupName = text(LIMITS.GROUP_NAME_MAX_CHARS);

export function createApi(deps: Deps, broadcast: (state: RoomState) => void): express.Express {
	const { store, log, publicUrl, now } = deps;
	const api = express();
	api.disable('x-powered-by');
	api.set('trust proxy', deps.trustProxy);
	api.use(securityHeaders);
	// [R46] the API answers browser pages of this app only
	api.use('/api', (req, res, next) => {
		if (req.method === 'GET' || originAllowed(req, deps.allowedOrigins)) return next();
		res.status(403).json(problem(ERROR_CODE.forbidden, 'Requests from other sites are not accepted.'));
	});

	// [R51] 200 while the store answers, 503 while it does not (the process itself stays up)
	api.get('/healthz', async (_req, res) => {
		const ok = await store.ping();
		res.status(ok ? 200 : 503).json({ ok, store: store.kind });
	});

	api.post('/api/groups', express.json({ limit: LIMITS.HTTP_BODY_MAX_BYTES }), async (req, res) => {
		const body: unknown = req.body;
		if (!isPlainObject(body))
			return void res.status(400).json(problem(ERROR_CODE.invalidPayload, 'Send a JSON object { "name": "..." }.'));
		const extra = Object.keys(body).find((key) => key !== 'name');
		if (extra) return void res.status(400).json(problem(ERROR_CODE.invalidField, `A new group has no field called "${extra.slice(0, 40)}".`));
		const name = groupName.parse(body.name, 'group name');
		if (!name.ok) {
			const message = name.error.code === ERROR_CODE.tooLong ? name.error.message : 'Give the group a name.';
			return void res.status(400).json(problem(name.error.code, message));
		}

		const groupId = newGroupId();
		const { room, credentials } = newGroup(groupId, name.value, now());
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
		const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
		const message =
			status === 413
				? `The request body is larger than ${LIMITS.HTTP_BODY_MAX_BYTES} bytes.`
				: status < 500
					? 'The request body is not valid JSON.'
					: 'Something went wrong on the server.';
		if (status >= 500) log.error('api.error', { reason: error instanceof Error ? error.name : 'unknown' });
		res.status(status).json(problem(status < 500 ? ERROR_CODE.invalidPayload : ERROR_CODE.internal, message));
	};
	api.use(onError);
	return api;
}

/** Headers for everything this process answers (pages get theirs, CSP included, from SvelteKit too). */
const securityHeaders: express.RequestHandler = (_req, res, next) => {
	res.setHeader('referrer-policy', 'no-referrer');
	res.setHeader('x-content-type-options', 'nosniff');
	res.setHeader('x-frame-options', 'DENY');
	res.setHeader('cross-origin-opener-policy', 'same-origin');
	next();
};

function problem(code: ProtocolError['code'], message: string): { error: ProtocolError } {
	return { error: { code, message } };
}

function requestOrigin(req: Request): string {
	return `${req.protocol}://${req.get('host')}`;
}
