/**
 * A figure of an answer as a number: numbers, numeric text ("15", " 22457.383 "), a decimal
 * comma ("0,045"), spaces or a dot/comma as thousands separators ("22 457,383", "1.234,5",
 * "1,234.5"). When both a dot and a comma appear, the last one is the decimal separator; a lone
 * comma is always decimal (French). Anything else: undefined, never a guess like NaN or 0.
 */
export function parseApiNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	let text = value.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(text)) return undefined;
	const lastDot = text.lastIndexOf('.');
	const lastComma = text.lastIndexOf(',');
	if (lastDot >= 0 && lastComma >= 0) {
		const decimal = lastDot > lastComma ? '.' : ',';
		const thousands = decimal === '.' ? ',' : '.';
		text = text.split(thousands).join('');
		if (decimal === ',') text = text.replace(',', '.');
	} else if (lastComma >= 0) {
		if (text.indexOf(',') !== lastComma) return undefined; // "1,2,3"
		text = text.replace(',', '.');
	} else if (lastDot >= 0 && text.indexOf('.') !== lastDot) {
		return undefined; // "1.2.3"
	}
	const number = Number(text);
	return Number.isFinite(number) ? number : undefined;
}

/**
 * A figure of an answer, its name in any case: the manual spells them nbCredits, credits, cost…,
 * but mixes cases elsewhere (getSubAccounts' Credits), and an unexpected spelling must not read
 * as "no figure".
 */
export function readFigure(answer: Record<string, unknown>, name: string): number | undefined {
	const key = Object.keys(answer).find((field) => field.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : parseApiNumber(answer[key]);
}

/** Credits and euros summed from several answers, without the float dust (0.1 + 0.2). */
export function roundFigure(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}
