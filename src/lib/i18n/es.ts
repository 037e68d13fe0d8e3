/**
 * Every fixed text the pages show, in Spanish as spoken in US community clinics: plural "ustedes",
 * plain words, "reducción de daños". Same shape as en.ts (`Messages`).
 */
import type { Messages } from './en.ts';

export const es: Messages = {
	locale: 'es-US',
	appName: 'Roomcast',
	sending: 'Enviando…',
	cancel: 'Cancelar',
	dismiss: 'Cerrar',

	connection: {
		label: 'Conexión',
		online: 'Conectado',
		connecting: 'Conectando…',
		offline: 'Reconectando…',
		deviceOffline: 'Sin conexión',
		refused: 'No vinculado',
		removed: 'Retirado',
		savingPaused: 'Guardado en pausa: el servidor no llega a su almacén. Sus toques se guardan y se envían de nuevo.',
		outdated: 'Desactualizada',
		outdatedHelp: 'Esta página es de otra versión de Roomcast que la del servidor. Vuelva a cargarla para seguir.',
		reload: 'Volver a cargar'
	},
	pending: {
		none: 'Todo enviado',
		some: (n: number) => (n === 1 ? '1 enviándose…' : `${n} enviándose…`)
	},
	errorHeading: 'No se hizo',

	unpaired: {
		display: 'Esta pantalla no está vinculada a un grupo. Abra otra vez el enlace de la pantalla.',
		remote: 'Este teléfono no está vinculado a un grupo. Abra otra vez el enlace del control.',
		desk: 'Esta laptop no está vinculada a un grupo. Abra otra vez el enlace del escritorio.',
		removed: 'Un facilitador retiró este dispositivo del grupo. No queda nada del grupo en él.',
		unreadable: 'Esta pantalla no puede leer el grupo: vincúlela otra vez.',
		openLinkAgain: {
			remote: 'Este teléfono no puede leer el grupo. Abra otra vez el enlace del control, completo.',
			desk: 'Esta laptop no puede leer el grupo. Abra otra vez el enlace del escritorio, completo.'
		},
		linkDidNotWork: {
			display: (address: string) => `O vincúlela con un código: abra ${address} en esta pantalla y apruebe el código en el teléfono de un facilitador.`,
			remote: 'Si el enlace completo tampoco lo abre, el grupo ya no está en este servidor o retiraron este teléfono del grupo: cree un grupo nuevo o pídale un enlace nuevo a quien dirige el grupo.',
			desk: 'Si el enlace completo tampoco la abre, el grupo ya no está en este servidor o retiraron esta laptop del grupo: cree un grupo nuevo o pídale un enlace nuevo a quien dirige el grupo.'
		},
		gone: {
			heading: 'Este grupo ya no está en este servidor',
			why: {
				display: 'Esta pantalla ya lo mostraba antes. Se borró el grupo o se venció, el servidor perdió sus datos, o un facilitador retiró esta pantalla.',
				remote: 'Este teléfono ya lo dirigía antes. Se borró el grupo o se venció, el servidor perdió sus datos, o un facilitador retiró este teléfono.',
				desk: 'Esta laptop ya lo dirigía antes. Se borró el grupo o se venció, el servidor perdió sus datos, o un facilitador retiró esta laptop.'
			},
			what: {
				display: (address: string) => `Vincúlela otra vez: abra ${address} en esta pantalla y apruebe el código en el teléfono de un facilitador.`,
				remote: 'Si usted dirige el grupo, cree uno nuevo y vuelva a vincular sus pantallas. Si lo dirige otra persona, pídale un enlace nuevo.',
				desk: 'Si usted dirige el grupo, cree uno nuevo y vuelva a vincular sus pantallas. Si lo dirige otra persona, pídale un enlace nuevo.'
			}
		},
		makeGroup: 'Crear un grupo nuevo',
		loadFailed: 'Esta página no terminó de cargar. Revise la conexión y vuelva a cargarla.',
		awaitingKey: 'Esperando la clave del grupo desde el teléfono o la computadora de otro facilitador. Llega en cuanto uno de ellos esté abierto.'
	},

	session: {
		start: 'Empezar la sesión',
		end: 'Terminar la sesión',
		endConfirm: '¿Terminar la sesión? Se borran todos los nombres y todo lo del tablero en todas las pantallas.',
		endYes: 'Sí, terminar la sesión',
		carryHeading: '¿Guardar temas para la próxima vez?',
		carryHint: 'Los temas marcados pasan a los temas para la próxima vez. Lo demás se borra.',
		carryFull: (max: number) => `Los temas para la próxima vez son ${max} como máximo: desmarque uno para guardar otro.`
	},

	speaker: {
		heading: 'Quién habla',
		current: 'Habla ahora',
		nobody: 'Nadie está hablando.',
		nameLabel: 'Nombre, como lo dio',
		set: 'Dar la palabra',
		clear: 'Quitar la palabra'
	},

	permission: {
		heading: 'Comentarios',
		question: '¿Puede el grupo darle comentarios?',
		unasked: 'Aún no se ha preguntado',
		granted: 'Acepta comentarios',
		declined: 'Solo escuchando'
	},

	queue: {
		heading: 'Turnos',
		nameLabel: 'Nombre para agregar',
		add: 'Agregar a los turnos',
		empty: 'Nadie está esperando.',
		next: 'Siguiente',
		nextWho: (name: string) => `Siguiente: ${name}`,
		moveUp: (name: string) => `Subir a ${name}`,
		moveDown: (name: string) => `Bajar a ${name}`,
		remove: (name: string) => `Quitar a ${name} de los turnos`,
		sending: 'enviándose…'
	},

	board: {
		heading: 'Tablero',
		untitled: 'Balance de decisiones',
		presets: {
			balance: { left: 'Lo bueno', right: 'Lo no tan bueno' },
			change: { left: 'Razones para dejar las cosas como están', right: 'Razones para cambiar' }
		},
		count: (n: number) => (n === 1 ? '1 punto' : `${n} puntos`),
		titleLabel: 'Título del tablero',
		headingLabel: (fallback: string) => `Encabezado de la columna "${fallback}"`,
		enterSaves: 'Enter guarda, Escape deshace.',
		selectColumn: 'Agregar puntos a',
		switchHint: 'Ctrl+. cambia de columna',
		newItemLabel: (heading: string) => `Nuevo punto para "${heading}"`,
		enterAdds: 'Enter lo agrega.',
		add: 'Agregar punto',
		empty: 'Todavía no hay puntos.',
		edit: 'Editar',
		editLabel: (text: string) => `Editar "${text}"`,
		editField: 'Texto del punto',
		save: 'Guardar',
		moveUp: (text: string) => `Subir "${text}"`,
		moveDown: (text: string) => `Bajar "${text}"`,
		moveTo: (text: string, heading: string) => `Mover "${text}" a "${heading}"`,
		remove: (text: string) => `Quitar "${text}"`,
		clear: 'Borrar el tablero',
		clearConfirm: '¿Borrar el tablero? Se quitan el título y todos los puntos; los encabezados se quedan.',
		clearYes: 'Sí, borrar el tablero',
		onWall: 'Tablero en la pantalla',
		onWallState: 'El grupo lo ve',
		offWallState: 'Fuera de la pantalla: solo lo ven los facilitadores',
		heldQuestion: (name: string | null) =>
			name
				? `El tablero de antes ya no está en la pantalla. ¿Lo dejamos para ${name} o lo borramos?`
				: 'El tablero de antes ya no está en la pantalla. ¿Lo volvemos a poner o lo borramos?',
		notSeen: 'No está en la pantalla',
		keep: 'Dejarlo',
		clearShort: 'Borrarlo',
		newItem: 'Nuevo punto',
		addTo: 'Agregar a',
		columnCount: (heading: string, n: number) => `${heading} (${n})`,
		draft: 'Borrador: todavía no está en la pantalla',
		presetLabel: 'Encabezados',
		presetNames: { balance: 'Lo bueno / Lo no tan bueno', change: 'Dejar igual / Cambiar' },
		hideColumn: 'Ocultar en la pantalla',
		stageDraft: 'Preparar como borrador (solo lo ven los facilitadores)',
		draftHint: 'Mayús+Enter prepara un borrador.',
		show: 'Mostrar',
		showItem: (text: string) => `Mostrar "${text}" en la pantalla`
	},

	display: {
		pageTitle: 'Pantalla de Roomcast',
		welcome: 'Bienvenidos',
		everyone: 'Todos son bienvenidos, tal como son',
		reconnecting: 'Reconectando…',
		nextUp: 'Siguen',
		more: (n: number) => `+${n} más`,
		moreWord: 'más',
		fullscreen: 'Pantalla completa',
		leaveFullscreen: 'Salir de pantalla completa',
		previewLabel: 'Lo que ve la sala ahora'
	},

	clock: {
		heading: 'Reloj',
		now: 'Hora',
		next: (when: string) => `Próxima reunión: ${when}`,
		today: (from: string, to: string) => `Hoy ${from} – ${to}`,
		startsIn: (min: number) => (min <= 1 ? 'Empieza en 1 min' : `Empieza en ${min} min`),
		left: (min: number) => (min <= 1 ? 'Queda 1 min' : `Quedan ${min} min`),
		until: (time: string) => `hasta las ${time}`,
		cue: {
			ten: (min: number) => `Quedan ${min} minutos`,
			five: (min: number) => (min <= 1 ? 'Queda 1 minuto: es hora de ir cerrando' : `Quedan ${min} minutos: es hora de ir cerrando`),
			over: 'Llegamos a la hora'
		},
		unscheduled: 'Sin horario: solo la hora.'
	},

	agreements: {
		heading: 'Nuestros acuerdos',
		defaults: ['Entren y salgan cuando lo necesiten', 'Pidan permiso antes de dar comentarios', 'No se permiten amenazas de ningún tipo'],
		toggle: 'Acuerdos en la pantalla',
		shownState: 'En la pantalla ahora',
		hiddenState: 'No están en la pantalla',
	},

	opening: {
		heading: 'Palabras de bienvenida',
		hint: 'Léalas para abrir el grupo.',
		defaultWords:
			'Hola, bienvenidos. Aquí todos son bienvenidos tal como son, a la hora que lleguen, aunque sea cinco minutos antes de terminar. Pueden entrar y salir cuando lo necesiten: ustedes deciden. Llamamos a cada persona por el nombre que nos da al presentarse. No permitimos amenazas de ningún tipo. Sírvanse café, y empecemos con una ronda para compartir cómo estamos. ¿Alguien quiere empezar?'
	},

	headcount: {
		heading: 'Asistencia',
		arrive: 'Llegó alguien',
		leave: 'Se fue alguien',
		here: 'Aquí ahora',
		peak: 'Máximo',
		arrivals: 'Llegadas',
		anonymous: 'Anónimo: solo números, nunca nombres.'
	},

	parkingLot: {
		heading: 'Para después',
		label: 'Tema para retomar',
		add: 'Guardar para después',
		empty: 'No hay temas guardados.',
		remove: (text: string) => `Quitar "${text}" de los temas para después`
	},

	topics: {
		heading: 'Temas para la próxima vez',
		label: 'Tema que pidieron',
		add: 'Agregar tema',
		empty: 'Todavía no han pedido temas.',
		remove: (text: string) => `Quitar el tema "${text}"`,
		prepare: 'Los participantes pidieron estos temas: venga preparado.'
	},

	privacy: {
		heading: 'Pantalla de privacidad',
		up: 'La pantalla de privacidad está PUESTA: solo se ve una bienvenida',
		down: 'La pantalla muestra el grupo',
		raise: 'Poner la pantalla de privacidad',
		lower: 'Quitar la pantalla de privacidad'
	},

	undo: {
		button: 'Deshacer',
		what: {
			queue: (name: string) => `${name} salió de los turnos`,
			item: (text: string) => `Se quitó "${text}"`,
			parkingLot: (text: string) => `Se quitó "${text}" de los temas para después`,
			board: 'Se borró el tablero'
		}
	},

	lastSession: {
		heading: 'Última sesión, para sus registros',
		from: 'Empezó',
		to: 'Terminó',
		peak: 'Máximo de personas a la vez',
		arrivals: 'Llegadas',
		here: 'Presentes al final'
	},

	records: {
		heading: 'Registros para los financiadores',
		intro: 'Solo números: nunca un nombre ni una palabra.',
		kept: (span: string) => `Se guardan ${span} y luego se borran.`,
		span: (days: number) =>
			days % 365 === 0 ? (days === 365 ? '1 año' : `${days / 365} años`) : days >= 60 ? `${Math.round(days / 30.44)} meses` : days === 1 ? '1 día' : `${days} días`,
		date: 'Fecha',
		none: 'Todavía no hay registros.',
		loading: 'Cargando…',
		retry: 'Intentar de nuevo',
		download: 'Descargar CSV',
		remove: 'Borrar',
		removeQuestion: (date: string) => `¿Borrar el registro del ${date}?`,
		removeYes: 'Sí, borrar',
		clear: 'Borrar todos los registros',
		clearQuestion: '¿Borrar todos los registros?',
		clearYes: 'Sí, borrar todos'
	},

	wall: {
		preview: 'Lo que ve la sala',
		privacy: 'No está en la pantalla: la pantalla de privacidad está puesta.',
		agreements: 'No está en la pantalla: se están mostrando los acuerdos.',
		boardOff: 'No está en la pantalla: el tablero está oculto.',
		boardHeld: 'No está en la pantalla hasta que elija Dejarlo.',
		columnHidden: 'No está en la pantalla: esta columna está oculta.'
	},

	settings: {
		heading: 'Ajustes del grupo',
		name: 'Nombre que se ve en la pantalla',
		schedule: 'Horario',
		days: 'Días',
		dayNames: { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' },
		dayShort: { sun: 'dom', mon: 'lun', tue: 'mar', wed: 'mié', thu: 'jue', fri: 'vie', sat: 'sáb' },
		start: 'Empieza a las',
		end: 'Termina a las',
		timeZone: 'Zona horaria',
		saveSchedule: 'Guardar horario',
		clearSchedule: 'Sin horario fijo',
		noSchedule: 'Todavía no hay horario.',
		scheduled: (days: string, from: string, to: string) => `${days}, ${from} – ${to}`,
		pickDay: 'Elija al menos un día.',
		opening: 'Palabras de bienvenida',
		openingHint: 'Lo que usted lee para abrir cada sesión. Vacío: las palabras de siempre.',
		agreements: 'Acuerdos',
		agreementsHint: 'Unos pocos, en la pantalla al empezar. Ninguno: los de siempre.',
		agreementLabel: (n: number) => `Acuerdo ${n}`,
		removeAgreement: (n: number) => `Quitar el acuerdo ${n}`,
		addAgreement: 'Agregar un acuerdo',
		save: 'Guardar',
		useDefaults: 'Usar los de siempre',
		usingDefaults: 'Se usan las palabras de siempre.',
		displayLanguage: 'Idioma de la pantalla'
	},

	language: {
		device: 'Idioma de esta pantalla',
		short: 'Idioma',
		names: { en: 'English', es: 'Español', 'en+es': 'English + Español' }
	},

	devices: {
		heading: 'Dispositivos',
		intro: 'Cada pantalla que puede abrir este grupo. Retire la que ya no use o que se haya perdido.',
		roles: { facilitator: 'Facilitador', display: 'Pantalla (solo lectura)' },
		rename: 'Cambiar nombre',
		renameLabel: (label: string) => `Nuevo nombre para «${label}»`,
		save: 'Guardar',
		remove: 'Retirar',
		removeQuestion: (label: string) => `¿Retirar «${label}»? Se desconecta de inmediato y nunca podrá volver a abrir el grupo.`,
		removeYes: 'Sí, retirar',
		pairHeading: 'Vincular un proyector',
		pairIntro: 'Abra /display en el proyector. Escriba el código que muestra y póngale un nombre.',
		codeLabel: 'Código del proyector',
		nameLabel: 'Nombre',
		namePlaceholder: 'Proyector de la sala 3',
		pair: 'Vincular',
		paired: (label: string) => `«${label}» está vinculado. Ya muestra el grupo.`,
		inviteHeading: 'Invitar a un cofacilitador',
		inviteIntro: 'Crea un código de un solo uso para el teléfono o la computadora de otro facilitador. Muéstrelo solo en este dispositivo, nunca en el proyector.',
		inviteLabel: '¿De quién es el dispositivo?',
		invitePlaceholder: 'Computadora de Kim',
		invite: 'Crear código de invitación',
		inviteCode: 'Código de invitación',
		inviteHow: (origin: string) => `En el otro dispositivo, abra ${origin}/join y escriba este código.`,
		expires: (time: string) => `Sirve una vez, hasta las ${time}.`,
		hideCode: 'Ocultar código',
		pending: 'Invitaciones en espera',
		cancelInvite: (label: string) => `Cancelar la invitación de «${label}»`,
		cancel: 'Cancelar',
		thisDevice: 'Este dispositivo'
	},

	languageSwitch: { label: 'Idioma' },

	remote: { pageTitle: 'Control · Roomcast', heading: 'Control' },
	desk: { pageTitle: 'Escritorio · Roomcast', heading: 'Escritorio' }
};
