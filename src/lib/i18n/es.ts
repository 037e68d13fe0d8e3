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

	errorHeading: 'No se hizo',
	/** A device page whose screen did not finish loading (offline): said without loading anything more. */
	loadFailed: 'Esta página no terminó de cargar. Revise la conexión y vuelva a cargarla.',

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
		dayNames: { sun: 'domingo', mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado' },
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

	language: {
		device: 'Idioma de esta pantalla',
		short: 'Idioma',
		names: { en: 'English', es: 'Español', 'en+es': 'English + Español' }
	},

	languageSwitch: { label: 'Idioma' },

	remote: { pageTitle: 'Control · Roomcast', heading: 'Control' },
	desk: { pageTitle: 'Escritorio · Roomcast', heading: 'Escritorio' }
};
