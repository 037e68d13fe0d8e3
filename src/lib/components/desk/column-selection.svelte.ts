import type { Column } from '../../protocol/protocol.ts';
import { COLUMN } from '../../protocol/state.ts';

/** Which board column the desk's item field adds to; shared by the field, its buttons and the columns. */
export class ColumnSelection {
	column = $state<Column>(COLUMN.left);

	get other(): Column {
		return this.column === COLUMN.left ? COLUMN.right : COLUMN.left;
	}

	select(column: Column): void {
		this.column = column;
	}

	toggle(): void {
		this.column = this.other;
	}
}

/** Ctrl+. : a chord no browser or screen reader claims, reachable while typing in the item field. */
export function isSwitchColumnKey(event: KeyboardEvent): boolean {
	return event.ctrlKey && !event.altKey && !event.metaKey && (event.key === '.' || event.code === 'Period');
}
