/** The words of the facilitators' folded panels, in Spanish (same shape as panels.en.ts). */
import type { PanelMessages } from './panels.en.ts';

export const panelsEs: PanelMessages = {
	devices: {
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

	settings: {
		name: 'Nombre que se ve en la pantalla',
		schedule: 'Horario',
		days: 'Días',
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

	records: {
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
	}
};
