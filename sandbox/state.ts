/**
 * In-memory state of the sandbox: accounts and sub-accounts, campaigns, SMS, replies,
 * blacklists, contact lists, webhooks, unique identifiers and recently accepted requests.
 * Modelled so every method of the manual (sections 6-43) can be served from it later.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { roundCredits } from './pricing';
import { checkPhoneNumber, formatApiDate, type Coding } from './rules';

/* ------------------------------------------------------------------------------------------ */
/* Model                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** getBlacklist `comment` values (18.2): stop = STOP answer, Refused = NPAI, manual unsubscribe = manual. */
export type BlacklistComment = 'stop' | 'Refused' | 'manual unsubscribe';

export interface BlacklistEntry {
	/** International form without + (336xxxxxxxx). */
	phoneNumber: string;
	comment: BlacklistComment;
	date: Date;
	/** Campaign that caused it (STOP answer, NPAI ack), for getBlacklist?campaignId=. */
	campaignId?: string;
}

/** Annex 3. */
export const ACK_STATUS_TEXTS = {
	1: 'Délivré',
	2: 'Non-délivré (envoyé par l\'opérateur)',
	3: 'Transmis à l\'opérateur',
	4: 'Message rejeté',
	5: 'SMS rejeté (probablement numéro inconnu/abonné absent)',
} as const;
export type AckStatus = keyof typeof ACK_STATUS_TEXTS;

/** getCampaignsInfo `status` values (13.1). */
export type CampaignStatus = 'sent' | 'programmed' | 'cancelled';

export interface Campaign {
	/** 15-17 lower-case alphanumerics, like the manual's examples (ebeljju7k5hb5f0n6). */
	id: string;
	name: string;
	type: 'sms' | 'vocal';
	/** API method that created it (sendSms, simpleSms, …). */
	createdBy: string;
	/** Template as sent (before #param_k# substitution). */
	message: string;
	/** TPOA asked by the client (undefined = none), and sender actually used for the campaign. */
	tpoaAsked: string | undefined;
	tpoaUsed: string;
	dateCommand: Date;
	sendingDate: Date;
	status: CampaignStatus;
	nbSms: number;
	nbContacts: number;
	creditsUsed: number;
	cliMsgId: string | undefined;
	tracking: boolean;
	coding: Coding;
	alerting: boolean;
	/** Contact lists used (always empty through the API so far). */
	lists: string[];
	smsIds: string[];
}

export interface SmsRecord {
	smsId: string;
	campaignId: string;
	/** Account (or sub-account) that sent it. */
	login: string;
	/** International form without + (336xxxxxxxx). */
	phoneNumber: string;
	countryIso: string;
	/** Final text, after #param_k# substitution. */
	message: string;
	parts: number;
	credits: number;
	sender: string;
	cliMsgId: string | undefined;
	/** Annex 3 status; null while the campaign is programmed (not handed to the operator yet). */
	ackStatus: AckStatus | null;
	receptionDate: Date | null;
	clicks: number;
}

/** An SMS-MO (answer of a contact), for getPulls/getPull/getPullBySmsId. */
export interface Reply {
	id: string;
	smsId: string;
	campaignId: string;
	phoneNumber: string;
	message: string;
	receptionDate: Date;
	/** getPulls returns each reply only once (14.1). */
	pulled: boolean;
}

export interface ContactList {
	name: string;
	locked: boolean;
	creationDate: Date;
	fields: { name: string; filter: boolean }[];
	contacts: Record<string, string>[];
}

export interface Account {
	login: string;
	apiKey: string;
	/** Remaining credits; may be fractional (getInfo example: 22457.383). */
	credits: number;
	firstName: string;
	lastName: string;
	society: string;
	email: string;
	/** getInfo `alerting`: 0 NO_ALERTING, 1 CAN_USE_ALERTING, 2 DEFAULT_ALERTING. */
	alerting: 0 | 1 | 2;
	referenceCountryIso: string;
	/** createSubAccount ACTIVE; an inactive account cannot authenticate. */
	active: boolean;
	/** Login of the master account when this is a sub-account. */
	masterLogin: string | undefined;
	createdAt: Date;
	campaigns: Campaign[];
	/** Key: phone number in international form without +. */
	blacklist: Map<string, BlacklistEntry>;
	replies: Reply[];
	webhooks: { dlr: string; mo: string };
	lists: Map<string, ContactList>;
	/** Other createSubAccount/updateSubAccount fields (MOBILE, PHONE, ZIP, …), kept verbatim. */
	profile: Record<string, string>;
}

export interface CreateAccountInput {
	login: string;
	apiKey: string;
	credits?: number;
	firstName?: string;
	lastName?: string;
	society?: string;
	email?: string;
	alerting?: 0 | 1 | 2;
	/** Login of an existing account: the new one becomes its sub-account. */
	subAccountOf?: string;
}

/** A unique identifier (UNIQUEIDENTIFIER / uniqueidentifier) seen within the last 24 h. */
export interface UniqueIdentifierEntry {
	state: 'processing' | 'done';
	at: Date;
	/** Original answer (before serialisation), replayed on reuse. */
	answer?: Record<string, unknown>;
}

/** Decision 13: identifiers live 24 h. Decision 12: identical requests are refused for 10 s. */
export const UNIQUE_IDENTIFIER_TTL_MS = 24 * 3600 * 1000;
export const DUPLICATE_WINDOW_MS = 10 * 1000;

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                        */
/* ------------------------------------------------------------------------------------------ */

export class SandboxState {
	private readonly accounts = new Map<string, Account>();
	private readonly smsById = new Map<string, SmsRecord>();
	private readonly uniqueIdentifiers = new Map<string, UniqueIdentifierEntry>();
	private readonly acceptedRequests = new Map<string, Date>();

	constructor(private readonly clock: () => Date = () => new Date()) {}

	/** Current time of the sandbox (injectable clock). */
	now(): Date {
		return new Date(this.clock().getTime());
	}

	/* ----- accounts ----- */

	createAccount(input: CreateAccountInput): Account {
		if (!input.login || !input.apiKey) throw new Error('sandbox: login and apiKey are required');
		if (this.accounts.has(input.login)) throw new Error(`sandbox: account ${input.login} already exists`);
		let masterLogin: string | undefined;
		if (input.subAccountOf !== undefined) {
			const master = this.account(input.subAccountOf);
			if (master.masterLogin !== undefined) throw new Error('sandbox: a sub-account cannot have sub-accounts');
			masterLogin = master.login;
		}
		const account: Account = {
			login: input.login,
			apiKey: input.apiKey,
			credits: roundCredits(input.credits ?? 0),
			firstName: input.firstName ?? '',
			lastName: input.lastName ?? '',
			society: input.society ?? '',
			email: input.email ?? '',
			alerting: input.alerting ?? 0,
			referenceCountryIso: 'FR',
			active: true,
			masterLogin,
			createdAt: this.now(),
			campaigns: [],
			blacklist: new Map(),
			replies: [],
			webhooks: { dlr: '', mo: '' },
			lists: new Map(),
			profile: {},
		};
		this.accounts.set(account.login, account);
		return account;
	}

	/** The account with that login; throws when unknown. */
	account(login: string): Account {
		const account = this.accounts.get(login);
		if (!account) throw new Error(`sandbox: unknown account ${login}`);
		return account;
	}

	findAccount(login: string): Account | undefined {
		return this.accounts.get(login);
	}

	allAccounts(): Account[] {
		return [...this.accounts.values()];
	}

	subAccounts(masterLogin: string): Account[] {
		return this.allAccounts().filter((account) => account.masterLogin === masterLogin);
	}

	/** login + apiKey of an active account (exact, case-sensitive match). */
	authenticate(login: string | undefined, apiKey: string | undefined): Account | undefined {
		if (!login || !apiKey) return undefined;
		const account = this.accounts.get(login);
		return account && account.active && account.apiKey === apiKey ? account : undefined;
	}

	/** Annex 14: the sub-account `login` of `master`, if it is one of its (active) sub-accounts. */
	subAccountOf(master: Account, login: string): Account | undefined {
		const account = this.accounts.get(login);
		return account && account.active && account.masterLogin === master.login ? account : undefined;
	}

	debit(account: Account, credits: number): void {
		account.credits = roundCredits(account.credits - credits);
	}

	/* ----- campaigns and SMS ----- */

	campaigns(login: string): Campaign[] {
		this.refresh();
		return this.account(login).campaigns;
	}

	campaign(login: string, campaignId: string): Campaign | undefined {
		return this.campaigns(login).find((campaign) => campaign.id === campaignId);
	}

	sms(smsId: string): SmsRecord | undefined {
		this.refresh();
		return this.smsById.get(smsId);
	}

	smsOfCampaign(campaign: Campaign): SmsRecord[] {
		this.refresh();
		return campaign.smsIds.map((id) => this.smsById.get(id)).filter((sms): sms is SmsRecord => sms !== undefined);
	}

	addCampaign(account: Account, campaign: Campaign, sms: SmsRecord[]): void {
		account.campaigns.push(campaign);
		for (const record of sms) this.smsById.set(record.smsId, record);
	}

	/** 15-17 lower-case alphanumerics. */
	newCampaignId(): string {
		const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
		const bytes = randomBytes(17);
		const length = 15 + (bytes[0] % 3);
		let id = '';
		for (let i = 0; i < length; i++) id += alphabet[bytes[i] % alphabet.length];
		return id;
	}

	newSmsId(): string {
		return randomUUID();
	}

	/**
	 * Programmed campaigns whose sending date has passed become `sent`, their SMS "Transmis à
	 * l'opérateur" (annex 3, status 3) at the sending date. Called lazily on every read.
	 */
	refresh(): void {
		const now = this.now().getTime();
		for (const account of this.accounts.values()) {
			for (const campaign of account.campaigns) {
				if (campaign.status !== 'programmed' || campaign.sendingDate.getTime() > now) continue;
				campaign.status = 'sent';
				for (const smsId of campaign.smsIds) {
					const record = this.smsById.get(smsId);
					if (record && record.ackStatus === null) {
						record.ackStatus = 3;
						record.receptionDate = campaign.sendingDate;
					}
				}
			}
		}
	}

	/* ----- blacklist ----- */

	/**
	 * Adds a number to an account's blacklist (test helper, future STOP/NPAI simulation).
	 * The number is stored in international form when it is a valid mobile, else as given.
	 */
	blacklist(login: string, phone: string, comment: BlacklistComment, date: Date = this.now()): BlacklistEntry {
		const account = this.account(login);
		const check = checkPhoneNumber(phone);
		const phoneNumber = check.valid ? check.msisdn : phone.replace(/^\+/, '');
		const entry: BlacklistEntry = { phoneNumber, comment, date };
		account.blacklist.set(phoneNumber, entry);
		return entry;
	}

	blacklistEntry(account: Account, msisdn: string): BlacklistEntry | undefined {
		return account.blacklist.get(msisdn);
	}

	/* ----- unique identifiers (decision 13) ----- */

	uniqueIdentifier(login: string, apiMethod: string, id: string): UniqueIdentifierEntry | undefined {
		const key = uniqueKey(login, apiMethod, id);
		const entry = this.uniqueIdentifiers.get(key);
		if (entry && entry.state === 'done' && this.now().getTime() - entry.at.getTime() >= UNIQUE_IDENTIFIER_TTL_MS) {
			this.uniqueIdentifiers.delete(key);
			return undefined;
		}
		return entry;
	}

	reserveUniqueIdentifier(login: string, apiMethod: string, id: string): void {
		this.uniqueIdentifiers.set(uniqueKey(login, apiMethod, id), { state: 'processing', at: this.now() });
	}

	completeUniqueIdentifier(login: string, apiMethod: string, id: string, answer: Record<string, unknown>): void {
		this.uniqueIdentifiers.set(uniqueKey(login, apiMethod, id), { state: 'done', at: this.now(), answer });
	}

	releaseUniqueIdentifier(login: string, apiMethod: string, id: string): void {
		this.uniqueIdentifiers.delete(uniqueKey(login, apiMethod, id));
	}

	/* ----- identical requests within 10 s (decision 12) ----- */

	isRecentDuplicate(login: string, apiMethod: string, fingerprint: string): boolean {
		const acceptedAt = this.acceptedRequests.get(`${login}\u0000${apiMethod}\u0000${fingerprint}`);
		return acceptedAt !== undefined && this.now().getTime() - acceptedAt.getTime() < DUPLICATE_WINDOW_MS;
	}

	rememberAccepted(login: string, apiMethod: string, fingerprint: string): void {
		const now = this.now();
		for (const [key, at] of this.acceptedRequests) {
			if (now.getTime() - at.getTime() >= DUPLICATE_WINDOW_MS) this.acceptedRequests.delete(key);
		}
		this.acceptedRequests.set(`${login}\u0000${apiMethod}\u0000${fingerprint}`, now);
	}

	/* ----- control ----- */

	/** Forgets everything (accounts included). */
	reset(): void {
		this.accounts.clear();
		this.smsById.clear();
		this.uniqueIdentifiers.clear();
		this.acceptedRequests.clear();
	}

	/** JSON view of an account for the control API (dates as API strings, no Maps). */
	snapshot(login: string): Record<string, unknown> {
		this.refresh();
		const account = this.account(login);
		return {
			login: account.login,
			apiKey: account.apiKey,
			credits: account.credits,
			firstName: account.firstName,
			lastName: account.lastName,
			society: account.society,
			email: account.email,
			alerting: account.alerting,
			referenceCountryIso: account.referenceCountryIso,
			active: account.active,
			masterLogin: account.masterLogin ?? null,
			subAccounts: this.subAccounts(account.login).map((sub) => sub.login),
			createdAt: formatApiDate(account.createdAt),
			campaigns: account.campaigns.map((campaign) => ({
				...campaign,
				dateCommand: formatApiDate(campaign.dateCommand),
				sendingDate: formatApiDate(campaign.sendingDate),
				sms: this.smsOfCampaign(campaign).map((sms) => ({
					...sms,
					receptionDate: sms.receptionDate ? formatApiDate(sms.receptionDate) : null,
				})),
			})),
			blacklist: [...account.blacklist.values()].map((entry) => ({ ...entry, date: formatApiDate(entry.date) })),
			replies: account.replies.map((reply) => ({ ...reply, receptionDate: formatApiDate(reply.receptionDate) })),
			webhooks: account.webhooks,
			lists: [...account.lists.values()].map((list) => ({ ...list, creationDate: formatApiDate(list.creationDate) })),
		};
	}
}

function uniqueKey(login: string, apiMethod: string, id: string): string {
	return `${login}\u0000${apiMethod}\u0000${id}`;
}
