/**
 * Voice sending engine shared by simpleVocal (36) and sendVocal (37): validation with the
 * annex 13 statuses, prices (getPrices' `directdeposit` and `call`, France only), and the
 * commit (a campaign of type `vocal`, one record per recipient, credits taken).
 */
import { priceOf } from './methods/getPrices';
import { EURO_PER_CREDIT, roundCredits } from './pricing';
import { checkPhoneNumber, parseApiDate } from './rules';
import type { Account, Campaign, SandboxState, SmsRecord, VoiceMessageType } from './state';

export const VOICE_STATUS = {
	SENT: 100,
	PROGRAMMED: 101,
	NO_CREDITS: 104,
	EMPTY_FLOW: 105,
	INVALID_FLOW: 109,
	EMPTY_URL: 110,
	BAD_DATE: 111,
	BAD_SENDER: 112,
	BAD_FILE: 113,
	NO_VALID_NUMBER: 114,
	FILE_SIZE: 115,
	FILE_DURATION: 116,
} as const;

type VoiceStatus = (typeof VOICE_STATUS)[keyof typeof VOICE_STATUS];

/**
 * Annex 13's texts. 100 uses the English of the 36.1 and 37.3 examples (as for
 * SMS); 109 is not in annex 13 (the manual is silent: an unreadable flow gets 109 as for SMS, with this
 * text); 121 and 160 come from sending.ts's guards, with the same texts as annex 2.
 */
const VOICE_TEXTS: Record<VoiceStatus, string> = {
	100: 'Your messages have been sent',
	101: 'Le message a été programmé pour un envoi différé',
	104: 'Crédit insuffisant pour traiter cet envoi. A utiliser : XX Crédits, Disponibles : YY Crédits. Veuillez recréditer votre compte sur AllMySMS.com',
	105: 'Flux XML/JSON Vide',
	109: 'Flux XML/JSON invalide',
	110: 'URL du fichier vocal vide',
	111: "Date d'envoi mal formatée",
	112: "Numéro d'expéditeur invalide",
	113: 'Fichier vocal invalide. Formats acceptés : WAV ou MP3',
	114: 'Aucun numéro de téléphone valide',
	115: 'Taille du fichier vocal incorrect (doit être comprise entre 1Ko et 5Mo)',
	116: 'Durée du fichier vocal invalide (doit être comprise entre 5 et 35 secondes)',
};

export function voiceFailure(
	status: VoiceStatus,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return { status, statusText: VOICE_TEXTS[status], ...extra };
}

/** Annex 13, status 115 and 116: 1 KB to 5 MB, 5 to 35 seconds. */
export const AUDIO_LIMITS = {
	minBytes: 1024,
	maxBytes: 5 * 1024 * 1024,
	minSeconds: 5,
	maxSeconds: 35,
} as const;

export interface VocalInput {
	url?: string;
	code?: string;
	tpoa?: string;
	/** Where the manual is silent: anything but `call` (any case) is `directdeposit`, the documented default. */
	type: VoiceMessageType;
	date?: string;
	campaignName?: string;
	/** Numbers exactly as given. */
	recipients: Array<string | undefined>;
}

export interface PreparedVocal {
	scheduled: boolean;
	sendingDate: Date;
	/** Each invalid number as given, followed by `|` (as for SMS). */
	invalidNumbers: string;
	msisdns: string[];
	creditsPerMessage: number;
	creditsUsed: number;
	tpoa: string;
}

export function voiceType(value: string | undefined): VoiceMessageType {
	return value?.trim().toLowerCase() === 'call' ? 'call' : 'directdeposit';
}

/** Credits of one voice message: its getPrices price (euros) at 1 credit = 0.003 €. */
export function voiceCredits(type: VoiceMessageType): number {
	return roundCredits(Number(priceOf('FR')[type]) / EURO_PER_CREDIT);
}

/**
 * Where the manual is silent: a TPOA is a French landline, "préfixe 01, 02, 03, 04, 05 ou 09" (36, 37.2), in
 * national (0X…) or international (33X…, +33X…) form, digits only.
 */
export function isVoiceSender(tpoa: string): boolean {
	return /^(0|\+?33)[1-59]\d{8}$/.test(tpoa);
}

/**
 * Where the manual is silent: the sandbox cannot download the file, so a URL is judged by its form: http(s),
 * and a file name ending in .wav or .mp3, or no extension at all (then trusted). Anything
 * else is 113.
 */
export function isAudioUrl(url: string): boolean {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return false;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
	const extension = /\.([A-Za-z0-9]{1,5})$/.exec(parsed.pathname)?.[1]?.toLowerCase();
	return extension === undefined || extension === 'wav' || extension === 'mp3';
}

/**
 * Checks a voice send for `account`, in the order of annex 13: 110 → 111 → 112 → 113 → 114 →
 * 115 → 116, then 104 credits.
 */
export function prepareVocal(
	state: SandboxState,
	account: Account,
	input: VocalInput,
): { ok: true; prepared: PreparedVocal } | { ok: false; answer: Record<string, unknown> } {
	const url = input.url?.trim() || undefined;
	const code = input.code?.trim() || undefined;
	// Where the manual is silent: URL wins when both are given; a CODE alone is the recorded message (37.2).
	if (url === undefined && code === undefined)
		return { ok: false, answer: voiceFailure(VOICE_STATUS.EMPTY_URL) };

	const now = state.now();
	let sendingDate = now;
	let scheduled = false;
	if (input.date !== undefined && input.date.trim() !== '') {
		const check = parseApiDate(input.date);
		if (!check.valid) return { ok: false, answer: voiceFailure(VOICE_STATUS.BAD_DATE) };
		// Where the manual is silent (as for SMS): a date in the past means now.
		if (check.date.getTime() > now.getTime()) {
			sendingDate = check.date;
			scheduled = true;
		}
	}

	const tpoa = input.tpoa?.trim() ?? '';
	if (!isVoiceSender(tpoa)) return { ok: false, answer: voiceFailure(VOICE_STATUS.BAD_SENDER) };

	// Where the manual is silent: a code unknown to the account, or with nothing recorded yet, is an invalid file.
	const media =
		url === undefined && code !== undefined ? state.voice.get(account.login, code) : undefined;
	if (url !== undefined ? !isAudioUrl(url) : !media?.audio)
		return { ok: false, answer: voiceFailure(VOICE_STATUS.BAD_FILE) };

	let invalidNumbers = '';
	const msisdns: string[] = [];
	for (const raw of input.recipients) {
		// Where the manual is silent: an entry without number (the annex's empty <VOCALS>) is skipped silently.
		if (raw === undefined || raw.trim() === '') continue;
		const check = checkPhoneNumber(raw.trim());
		// "Les messages vocaux ne sont disponibles qu'en France" (36): decision, mainland France
		// mobiles only (getPrices gives voice prices for FR alone).
		if (!check.valid || check.countryIso !== 'FR') {
			invalidNumbers += `${raw}|`;
			continue;
		}
		// Where the manual is silent (as for SMS): the same number twice is called once; blacklisted numbers are left out.
		if (msisdns.includes(check.msisdn) || state.blacklistEntry(account, check.msisdn)) continue;
		msisdns.push(check.msisdn);
	}
	if (msisdns.length === 0)
		return { ok: false, answer: voiceFailure(VOICE_STATUS.NO_VALID_NUMBER, { invalidNumbers }) };

	if (media?.audio) {
		if (media.audio.length < AUDIO_LIMITS.minBytes || media.audio.length > AUDIO_LIMITS.maxBytes) {
			return { ok: false, answer: voiceFailure(VOICE_STATUS.FILE_SIZE) };
		}
		const seconds = media.duration ?? 0;
		if (seconds < AUDIO_LIMITS.minSeconds || seconds > AUDIO_LIMITS.maxSeconds) {
			return { ok: false, answer: voiceFailure(VOICE_STATUS.FILE_DURATION) };
		}
	}

	const creditsPerMessage = voiceCredits(input.type);
	const creditsUsed = roundCredits(creditsPerMessage * msisdns.length);
	if (creditsUsed > account.credits) {
		const text = VOICE_TEXTS[104]
			.replace('XX', String(creditsUsed))
			.replace('YY', String(account.credits));
		return { ok: false, answer: { status: VOICE_STATUS.NO_CREDITS, statusText: text } };
	}
	return {
		ok: true,
		prepared: {
			scheduled,
			sendingDate,
			invalidNumbers,
			msisdns,
			creditsPerMessage,
			creditsUsed,
			tpoa,
		},
	};
}

/** Records the vocal campaign, one record per recipient (for getAcks type=vocal…), and takes the credits. */
export function commitVocal(
	state: SandboxState,
	account: Account,
	apiMethod: string,
	input: VocalInput,
	prepared: PreparedVocal,
): Campaign {
	const now = state.now();
	const url = input.url?.trim() || undefined;
	const code = url === undefined ? input.code?.trim() : undefined;
	const message = url ?? `CODE ${code ?? ''}`;
	const campaign: Campaign = {
		id: state.newCampaignId(),
		name: input.campaignName?.trim() || 'API',
		type: 'vocal',
		createdBy: apiMethod,
		message,
		tpoaAsked: prepared.tpoa,
		tpoaUsed: prepared.tpoa,
		dateCommand: now,
		sendingDate: prepared.sendingDate,
		status: prepared.scheduled ? 'programmed' : 'sent',
		nbSms: prepared.msisdns.length,
		nbContacts: prepared.msisdns.length,
		creditsUsed: prepared.creditsUsed,
		cliMsgId: undefined,
		tracking: false,
		coding: 1,
		alerting: false,
		lists: [],
		smsIds: [],
		voice: { type: input.type, ...(url !== undefined ? { url } : { code }) },
	};
	const records = prepared.msisdns.map(
		(msisdn): SmsRecord => ({
			smsId: state.newSmsId(),
			campaignId: campaign.id,
			login: account.login,
			phoneNumber: msisdn,
			countryIso: 'FR',
			message,
			parts: 1,
			credits: prepared.creditsPerMessage,
			sender: prepared.tpoa,
			cliMsgId: undefined,
			ackStatus: prepared.scheduled ? null : 3,
			receptionDate: prepared.scheduled ? null : now,
			clicks: 0,
		}),
	);
	campaign.smsIds = records.map((record) => record.smsId);
	state.addCampaign(account, campaign, records);
	state.debit(account, prepared.creditsUsed);
	return campaign;
}

/** Status and text of an accepted voice send. */
export function vocalAccepted(prepared: PreparedVocal): { status: number; statusText: string } {
	const status = prepared.scheduled ? VOICE_STATUS.PROGRAMMED : VOICE_STATUS.SENT;
	return { status, statusText: VOICE_TEXTS[status] };
}
