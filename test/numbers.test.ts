import { parseApiNumber } from '../nodes/AllMySms/shared/numbers';

describe('parseApiNumber', () => {
	test.each([
		[340, 340],
		[22457.383, 22457.383],
		['15', 15],
		[' 22457.383 ', 22457.383],
		['0.045', 0.045],
		['0,045', 0.045],
		['22 457,383', 22457.383],
		['22\u00a0457,383', 22457.383],
		['22\u202f457,383', 22457.383],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['-12', -12],
		['0', 0],
	])('%j → %d', (value, expected) => {
		expect(parseApiNumber(value)).toBe(expected);
	});

	test.each([
		[''],
		['  '],
		['abc'],
		['12 credits'],
		['1.2.3'],
		['1,2,3'],
		[NaN],
		[Infinity],
		[null],
		[undefined],
		[{}],
		[true],
	])('%j → undefined', (value) => {
		expect(parseApiNumber(value)).toBeUndefined();
	});
});
