/**
 * TPOA (sender name) rules of section 7.2: starts with a letter, letters, digits or spaces
 * only, no accents, 3 to 11 characters.
 */
export function checkSender(sender: string): string | undefined {
	if (sender.length < 3 || sender.length > 11) {
		return `"${sender}" has ${sender.length} characters; a sender name has 3 to 11`;
	}
	if (!/^[A-Za-z]/.test(sender)) return `"${sender}" must start with a letter`;
	if (!/^[A-Za-z0-9 ]+$/.test(sender)) {
		return `"${sender}" may only contain unaccented letters, digits and spaces`;
	}
	return undefined;
}

/**
 * For France, a custom sender is only used when the message ends with "STOP au 36180" after a
 * space or a line break (7.2); otherwise AllMySMS sends from its short code.
 */
export function endsWithStopMention(message: string): boolean {
	// Case-insensitive: the manual's own console example ends with "Stop au 36180".
	return /[ \n]STOP au 36180\s*$/i.test(message);
}
