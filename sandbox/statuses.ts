/**
 * Status codes and texts of the SMS sending methods (manual, annex 2) and the
 * authentication error texts.
 */

export const STATUS = {
	SENT: 100,
	PROGRAMMED: 101,
	AUTH: 102,
	NO_CREDITS: 104,
	EMPTY_FLOW: 105,
	INVALID_FLOW: 109,
	EMPTY_MESSAGE: 110,
	TOO_LONG: 111,
	NO_VALID_NUMBER: 114,
	BAD_DATE: 115,
	DUPLICATE_REQUEST: 121,
	UNIQUE_ID_IN_PROGRESS: 160,
} as const;

export type SendStatus = (typeof STATUS)[keyof typeof STATUS];

/**
 * Texts of annex 2, except 100 and 114: 100 uses the English text of every
 * answer example of the manual, 114 the English text of the API console screenshot (section 4).
 */
const TEXTS: Record<SendStatus, string> = {
	100: 'Your messages have been sent',
	101: 'Le message a été programmé pour un envoi différé',
	102: 'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
	104: 'Crédit insuffisant pour traiter cet envoi. A utiliser : XX Crédits, Disponibles: YY Crédits. Veuillez re-créditer votre compte sur AllMySMS.com',
	105: 'Flux XML Vide',
	109: 'Flux XML invalide ou incomplet après la balise <MESSAGE>',
	110: 'Message non défini (vide) dans le flux XML',
	111: 'Le message dépasse le nombre de caractères autorisé',
	114: 'No valid numbers',
	115: 'Flux XML invalide ou date mal formatée entre les balises <DATE> et </DATE>',
	121: "Requête rejetée car une requête identique a été envoyée dans un laps de temps de moins de 10 secondes. Système de sécurité mis en place pour éviter l'envoi en boucle de message.",
	160: 'Une requête avec cet identifiant unique est déjà en cours de traitement',
};

export function statusText(status: SendStatus): string {
	return TEXTS[status];
}

/** 104 text with XX (credits needed) and YY (credits available) filled in. */
export function insufficientCreditsText(needed: number, available: number): string {
	return TEXTS[104].replace('XX', formatCredits(needed)).replace('YY', formatCredits(available));
}

/** Credits may carry decimals (getInfo example: 22457.383); print them without float noise. */
function formatCredits(credits: number): string {
	return String(Math.round(credits * 1000) / 1000);
}

export const AUTH_FAILED_TEXT = TEXTS[102];

/** Decision (manual silent): unknown or foreign sub-account = authentication failure with this text. */
export function subAccountNotAttachedText(login: string): string {
	return `Problème de connexion - Le sous-compte ${login} n'est pas rattaché à ce compte`;
}

/** Value of `treatmentStatus` when a unique identifier is reused. */
export const ALREADY_PROCESSED = 'ALREADY_PROCESSED';
