/**
 * Overseas mobiles written the national way are their territory's numbers: the node sends them
 * in international form (AllMySMS would read 0692… as a mainland 33692…) and judges the
 * commercial hours on their clock. ARCEP's fiction range 06 39 98 stays a mainland number.
 */
import { checkPhoneNumber } from '../../nodes/AllMySms/shared/validation/phoneNumbers';

test.each([
	['0692 12 34 56', '+262692123456', '262692123456', 'Réunion'],
	['0693123456', '+262693123456', '262693123456', 'Réunion'],
	['0639 12 34 56', '+262639123456', '262639123456', 'Mayotte'],
	['0690123456', '+590690123456', '590690123456', 'Guadeloupe'],
	['0694123456', '+594694123456', '594694123456', 'French Guiana'],
	['0696123456', '+596696123456', '596696123456', 'Martinique'],
	['0697123456', '+596697123456', '596697123456', 'Martinique'],
	['06 39 98 00 01', '0639980001', '33639980001', 'ARCEP fiction range, mainland'],
	['0612345678', '0612345678', '33612345678', 'mainland'],
])('%s → %s (%s, %s)', (raw, toSend, international) => {
	expect(checkPhoneNumber(raw)).toEqual({ ok: true, number: { toSend, international } });
});
