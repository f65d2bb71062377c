/**
 * Dates in the future whatever year the tests run in (a Send At in 2030 expires in 2030), on a
 * given weekday so that the commercial-hours rule sees an ordinary working day.
 */

/** YYYY-MM-DD of the first `weekday` (1 Monday … 7 Sunday) on or after `month`/`day` of the year `yearsAhead` from now. */
export function futureDay(yearsAhead: number, month: number, day: number, weekday: number): string {
	const year = new Date().getUTCFullYear() + yearsAhead;
	const date = new Date(Date.UTC(year, month - 1, day));
	while (((date.getUTCDay() + 6) % 7) + 1 !== weekday) date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}
