/** The words of the pages that set a room up, in Spanish (same shape as onboarding.en.ts). */
import type { OnboardingMessages } from './onboarding.en.ts';

export const onboardingEs: OnboardingMessages = {
	home: {
		pageTitle: 'Roomcast: crear un grupo',
		heading: 'Crear un grupo',
		intro:
			'Roomcast muestra su grupo en el proyector de la sala. Usted lo dirige desde su teléfono; un cofacilitador puede ayudar desde una computadora portátil. Los participantes nunca necesitan un aparato.',
		nameLabel: 'Nombre del grupo',
		nameHint: 'Se ve en el proyector, por ejemplo "Grupo del lunes". Nunca el nombre de un participante.',
		create: 'Crear grupo',
		creating: 'Creando…',
		makeAnother: 'Crear otro grupo',
		yourGroups: 'Sus grupos',
		yourGroupsHint: 'Se guardan solo en este navegador, para que pueda encontrar sus enlaces otra vez.',
		unnamed: (id: string) => `Grupo ${id}`,
		how: {
			remote: 'Escanéelo con la cámara de su teléfono: con el control usted dirige el grupo. En el mismo teléfono, toque Abrir.',
			display: (pairAddress: string) => `En el proyector, abra ${pairAddress} y escanee con su teléfono el código que aparece. O abra allí este enlace.`,
			desk: 'Para la computadora portátil de un cofacilitador, si lo hay: abra allí este enlace.'
		},
		keepPrivate: 'Mantenga estos enlaces en privado: cualquiera con el enlace del control o del escritorio puede dirigir el grupo.',
		localOnly: (origin: string) =>
			`Estos enlaces usan ${origin}, que solo esta computadora puede abrir: para el teléfono y el proyector, abra Roomcast con la dirección de red de esta computadora (por ejemplo http://192.168.1.20:3000).`,
		links: {
			display: { label: 'Pantalla', hint: 'para el proyector' },
			remote: { label: 'Control', hint: 'para su teléfono' },
			desk: { label: 'Escritorio', hint: 'para la computadora portátil del cofacilitador' }
		},
		linkLabel: (label: string) => `Enlace: ${label}`,
		qrLabel: (label: string) => `Código QR del enlace: ${label}`,
		copy: 'Copiar',
		copyLink: (label: string) => `Copiar el enlace: ${label}`,
		copied: 'Copiado',
		copyFailed: 'Cópielo a mano: el enlace está seleccionado.',
		open: 'Abrir',
		openLink: (label: string) => `Abrir el enlace: ${label}`,
		forget: 'Olvidar en este dispositivo',
		forgetQuestion: (name: string) =>
			`¿Olvidar ${name} en este dispositivo? Sus enlaces se borran de este navegador. El grupo y sus otros dispositivos siguen funcionando; si ningún otro dispositivo tiene el enlace del control o del escritorio, ya nadie podrá dirigirlo.`,
		forgetYes: 'Sí, olvidarlo aquí',
		networkError: 'No se pudo conectar con el servidor. Revise la conexión e inténtelo de nuevo.',
		unexpected: 'El servidor dio una respuesta que esta página no entiende. Inténtelo de nuevo.'
	},

	pairing: {
		pageTitle: 'Vincular esta pantalla · Roomcast',
		heading: 'Vincular esta pantalla',
		scan: 'Escanee el código QR con el teléfono con el que dirige el grupo.',
		qrLabel: 'Código QR para vincular esta pantalla',
		localOnly: 'Esta pantalla está abierta en localhost: un teléfono no puede abrir su código. Escriba el código, o abra /display con la dirección de red de esta computadora.',
		instructions: 'O, en el control o el escritorio, abra Dispositivos, elija «Vincular un proyector» y escriba este código:',
		expires: (minutes: number) => (minutes <= 1 ? 'En un minuto llega un código nuevo.' : `En ${minutes} minutos llega un código nuevo.`),
		waiting: 'Pidiendo un código…',
		slowDown: 'Se pidieron demasiados códigos desde aquí. Se intentará de nuevo en un momento.',
		offline: 'No se puede llegar al servidor. Intentando de nuevo…',
		paired: 'Vinculada. Abriendo el grupo…'
	},

	pair: {
		outdated: 'Esta página es de otra versión de Roomcast que la del servidor: vuelva a cargarla y vincule de nuevo.',
		pageTitle: 'Vincular una pantalla · Roomcast',
		heading: 'Vincular una pantalla',
		intro: 'Muestre uno de sus grupos en la pantalla que tiene este código.',
		codeLabel: 'Código de la pantalla',
		codeHint: 'Se llena solo al escanear el código QR de la pantalla. También lo puede escribir.',
		groupLabel: 'Grupo que se va a mostrar',
		nameLabel: 'Nombre de la pantalla',
		defaultName: 'Proyector',
		pair: 'Vincular esta pantalla',
		pairing: 'Vinculando…',
		waitingServer: 'Esperando al servidor…',
		noCode: 'Escriba el código que muestra la pantalla.',
		codeRefused:
			'Ese código no funcionó: puede estar mal escrito, ya usado o vencido. Revise el código en la pantalla (cada 10 minutos sale uno nuevo) e inténtelo de nuevo.',
		slowDown: 'Demasiados intentos desde aquí. Espere unos minutos e inténtelo de nuevo.',
		removed: 'Este dispositivo ya no puede dirigir ese grupo: un facilitador lo quitó.',
		done: (screen: string, group: string) => `«${screen}» ya muestra ${group}.`,
		openRemote: 'Abrir el control',
		openDesk: 'Abrir el escritorio',
		again: 'Vincular otra pantalla',
		noGroups: 'Este dispositivo todavía no dirige ningún grupo.',
		noGroupsHow:
			'Primero abra el enlace del control en este teléfono: en la computadora donde creó el grupo, escanee su código QR del Control. Luego escanee otra vez el código de la pantalla. O cree un grupo aquí.',
		makeGroup: 'Crear un grupo'
	},

	join: {
		pageTitle: 'Unirse como facilitador · Roomcast',
		heading: 'Unirse a un grupo como facilitador',
		intro: 'Escriba el código de invitación que muestra el dispositivo del otro facilitador.',
		codeLabel: 'Código de invitación',
		kindLabel: 'Este dispositivo es',
		phone: 'un teléfono (control)',
		laptop: 'una computadora portátil (escritorio)',
		join: 'Unirse',
		joining: 'Uniéndose…',
		codeRefused: 'Ese código no funcionó: puede estar mal escrito, ya usado, cancelado o vencido. Pida uno nuevo.',
		slowDown: 'Demasiados intentos desde aquí. Espere unos minutos e inténtelo de nuevo.',
		offline: 'No se puede llegar al servidor. Revise la conexión e intente de nuevo.'
	}
};
