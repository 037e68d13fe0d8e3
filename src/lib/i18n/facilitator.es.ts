/** The words only the facilitators' devices show, in Spanish (same shape as facilitator.en.ts). */
import type { FacilitatorMessages } from './facilitator.en.ts';

export const facilitatorEs: FacilitatorMessages = {
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
		reload: 'Volver a cargar',
		waitingForGroup: 'Esperando la red. El grupo aparece aquí en cuanto este aparato vuelva a estar en línea; los toques que faltan por enviar se guardan y se envían entonces.'
	},

	pending: {
		none: 'Todo enviado',
		some: (n: number) => (n === 1 ? '1 enviándose…' : `${n} enviándose…`)
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

	headcount: {
		heading: 'Asistencia',
		arrive: 'Llegó alguien',
		leave: 'Se fue alguien',
		here: 'Aquí ahora',
		peak: 'Máximo',
		arrivals: 'Llegadas',
		anonymous: 'Anónimo: solo números, nunca nombres.'
	},

	privacy: {
		heading: 'Pantalla de privacidad',
		up: 'La pantalla de privacidad está PUESTA: solo se ve una bienvenida',
		down: 'La pantalla muestra el grupo',
		raise: 'Poner la pantalla de privacidad',
		lower: 'Quitar la pantalla de privacidad'
	},

	actionBar: {
		privacy: 'Privacidad',
		permission: { unasked: 'Sin preguntar', granted: 'Acepta comentarios', declined: 'Solo escuchando' }
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

	wall: {
		preview: 'Lo que ve la sala',
		privacy: 'No está en la pantalla: la pantalla de privacidad está puesta.',
		agreements: 'No está en la pantalla: se están mostrando los acuerdos.',
		boardOff: 'No está en la pantalla: el tablero está oculto.',
		boardHeld: 'No está en la pantalla hasta que elija Dejarlo.',
		columnHidden: 'No está en la pantalla: esta columna está oculta.'
	},
	/** The folded panels' headings, shown while they are closed (their words load when opened). */
	panelHeadings: { devices: 'Dispositivos', settings: 'Ajustes del grupo', records: 'Registros para los financiadores' }
};
