/** What a device page says when it cannot show its group, in Spanish (same shape as unpaired.en.ts). */
import type { UnpairedMessages } from './unpaired.en.ts';

export const unpairedEs: UnpairedMessages = {
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
	awaitingKey: 'Esperando la clave del grupo desde el teléfono o la computadora de otro facilitador. Llega en cuanto uno de ellos esté abierto.'
};
