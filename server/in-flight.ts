/** Commands being run, so a drain can wait for the last one to be answered, not poll for it. */
export class InFlight {
	#count = 0;
	#waiting: Array<() => void> = [];

	get count(): number {
		return this.#count;
	}

	track<T>(work: Promise<T>): Promise<T> {
		this.#count += 1;
		return work.finally(() => {
			this.#count -= 1;
			if (this.#count === 0) for (const wake of this.#waiting.splice(0)) wake();
		});
	}

	/** Resolves when none is left, or after `timeoutMs`, with how many were still running. */
	idle(timeoutMs: number): Promise<number> {
		if (this.#count === 0) return Promise.resolve(0);
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				resolve(this.#count);
			};
			const timer = setTimeout(() => {
				this.#waiting = this.#waiting.filter((w) => w !== done);
				done();
			}, timeoutMs);
			this.#waiting.push(done);
		});
	}
}
