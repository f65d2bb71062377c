/**
 * In-memory state of the sandbox: accounts and sub-accounts, campaigns, SMS, replies,
 * blacklists, contact lists, webhooks, unique identifiers and recently accepted requests.
 * Modelled so every method of the manual (sections 6-43) can be served from it later.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { creditsPerSms, roundCredits } from './pricing';
import { checkPhoneNumber, formatApiDate, type Coding } from './rules';
import { RequestGuards } from './requestGuards';
import { VoiceCodes } from './voiceCodes';

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
	2: "Non-délivré (envoyé par l'opérateur)",
	3: "Transmis à l'opérateur",
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
	/** A test message sent from the manager (getCampaignsInfo hideTestCampaigns=1 leaves it out). */
	test?: boolean;
	/** Voice campaigns (type `vocal`, sections 36-37): how the message is delivered and its audio. */
	voice?: { type: VoiceMessageType; url?: string; code?: string };
}

/** sendVocal/simpleVocal `type`: left on voicemail (MVR, the default) or played when the phone is answered. */
export type VoiceMessageType = 'directdeposit' | 'call';

/** A voice code (createCode, 38) and the message recorded under it on the interactive voice server. */
export interface VoiceMedia {
	code: string;
	/** Account (or sub-account) that created the code. */
	login: string;
	label: string;
	creationDate: Date;
	/** The recording, once made (SandboxState.recordVoiceMessage: the IVR call cannot happen here). */
	audio?: Buffer;
	/** Seconds. */
	duration?: number;
	recordDate?: Date;
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
	/** getAcks/getAckBySmsId `comment` given with the last ack (a default per status otherwise). */
	ackComment?: string;
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

/**
 * Something AllMySMS pushes to an account's webhook (sections 7.5 and 14.3): a delivery report
 * (`dlr`, the SMS with its new `ackStatus`) or a reply (`mo`). Whatever changes an SMS's ack or
 * adds a reply calls `SandboxState.emit`; the webhook pusher (`webhooks.ts`) listens.
 */
export type SandboxEvent =
	| { type: 'dlr'; login: string; sms: SmsRecord }
	| { type: 'mo'; login: string; reply: Reply };

export type SandboxEventListener = (event: SandboxEvent) => void;

/** SandboxState.seedCampaigns options. */
export interface SeedCampaignsOptions {
	/** Sending date of the first campaign. */
	from?: Date;
	/** Time between two sending dates (default 60 000 ms). */
	everyMs?: number;
	/** Name prefix, numbered from 1 (default `Campaign`). */
	name?: string;
	message?: string;
	tpoa?: string;
	/** One SMS per number (default one French mobile). */
	phoneNumbers?: string[];
	type?: 'sms' | 'vocal';
	tracking?: boolean;
	cliMsgId?: string;
	/** A manager test message (hidden by getCampaignsInfo hideTestCampaigns=1). */
	test?: boolean;
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                        */
/* ------------------------------------------------------------------------------------------ */

export class SandboxState {
	private readonly accounts = new Map<string, Account>();
	private readonly smsById = new Map<string, SmsRecord>();
	private readonly listeners = new Set<SandboxEventListener>();
	private nextReplyId = 1;

	/** The unique-identifier and identical-request guards of the sending methods (requestGuards.ts). */
	readonly guards: RequestGuards;

	/** Voice codes and their recordings (voiceCodes.ts). */
	readonly voice: VoiceCodes;

	constructor(private readonly clock: () => Date = () => new Date()) {
		this.guards = new RequestGuards(() => this.now());
		this.voice = new VoiceCodes(
			() => this.now(),
			(login) => this.account(login),
		);
	}

	/** Current time of the sandbox (injectable clock). */
	now(): Date {
		return new Date(this.clock().getTime());
	}

	/* ----- accounts ----- */

	createAccount(input: CreateAccountInput): Account {
		if (!input.login || !input.apiKey) throw new Error('sandbox: login and apiKey are required');
		if (this.accounts.has(input.login))
			throw new Error(`sandbox: account ${input.login} already exists`);
		let masterLogin: string | undefined;
		if (input.subAccountOf !== undefined) {
			const master = this.account(input.subAccountOf);
			if (master.masterLogin !== undefined)
				throw new Error('sandbox: a sub-account cannot have sub-accounts');
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

	/** deleteSubAccount (25): the account is gone; its login can no longer authenticate or be named in the header. */
	deleteAccount(login: string): void {
		this.accounts.delete(login);
	}

	/** updateSubAccount (22) LOGIN: the account keeps everything under its new login. */
	renameAccount(account: Account, newLogin: string): void {
		if (this.accounts.has(newLogin)) throw new Error(`sandbox: account ${newLogin} already exists`);
		this.accounts.delete(account.login);
		for (const record of this.smsById.values()) {
			if (record.login === account.login) record.login = newLogin;
		}
		account.login = newLogin;
		this.accounts.set(newLogin, account);
	}

	/**
	 * Post-paid accounts (createSubAccount POSTPAID, 21.2), an operator setting for a master
	 * account: kept as `profile.POSTPAID = '1'`. A post-paid master may create post-paid
	 * sub-accounts, whose credits manageSubAccountCredits cannot move (24.2, status 3).
	 */
	setPostpaid(login: string, postpaid: boolean): void {
		this.account(login).profile.POSTPAID = postpaid ? '1' : '0';
	}

	isPostpaid(account: Account): boolean {
		return account.profile.POSTPAID === '1';
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
		return campaign.smsIds
			.map((id) => this.smsById.get(id))
			.filter((sms): sms is SmsRecord => sms !== undefined);
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

	/* ----- delivery reports, replies, clicks, campaign seeding (sections 9-16, 20) ----- */

	/**
	 * An operator's delivery report (annex 3 status) for an SMS already handed to the operator,
	 * dated now unless `date` says otherwise; `comment` is what getAcks shows (a default per
	 * status otherwise). Emits a `dlr` event.
	 */
	deliverAck(
		smsId: string,
		status: AckStatus,
		options: { date?: Date; comment?: string } = {},
	): SmsRecord {
		const record = this.sentSms(smsId);
		if (!Object.prototype.hasOwnProperty.call(ACK_STATUS_TEXTS, status))
			throw new Error(`sandbox: ack status ${String(status)} is not in annex 3 (1-5)`);
		record.ackStatus = status;
		record.receptionDate = options.date ?? this.now();
		record.ackComment = options.comment;
		this.emit({ type: 'dlr', login: record.login, sms: record });
		return record;
	}

	/**
	 * A contact's answer (SMS-MO) to an SMS: linked to the SMS, its campaign, its number and the
	 * account that sent it. A reply "STOP" also blacklists the number (comment `stop`, with the
	 * campaign, for getBlacklist campaignId). Emits an `mo` event.
	 */
	addReply(smsId: string, message: string, options: { date?: Date } = {}): Reply {
		const record = this.sentSms(smsId);
		const account = this.account(record.login);
		const reply: Reply = {
			id: String(this.nextReplyId++),
			smsId,
			campaignId: record.campaignId,
			phoneNumber: record.phoneNumber,
			message,
			receptionDate: options.date ?? this.now(),
			pulled: false,
		};
		account.replies.push(reply);
		if (/^\s*stop\b/i.test(message)) {
			const entry = this.blacklist(account.login, record.phoneNumber, 'stop', reply.receptionDate);
			entry.campaignId = record.campaignId;
		}
		this.emit({ type: 'mo', login: account.login, reply });
		return reply;
	}

	/** Replies received by an account, in arrival order. */
	replies(login: string): Reply[] {
		return this.account(login).replies;
	}

	/** Clicks on the tracked link of an SMS (getCampaignStats click/uniqueClick). */
	recordClicks(smsId: string, count = 1): SmsRecord {
		const record = this.sentSms(smsId);
		const campaign = this.campaign(record.login, record.campaignId);
		if (!campaign?.tracking)
			throw new Error(`sandbox: campaign ${record.campaignId} does not track its link`);
		record.clicks += count;
		return record;
	}

	/**
	 * Many campaigns at once, without HTTP (a test helper): `count` campaigns, one SMS each by
	 * default, sending dates `from` (default: `count` × `everyMs` ago) then every `everyMs`
	 * (default one minute). Dates in the future make programmed campaigns. Credits are taken
	 * like a send. Returns them in sending order.
	 */
	seedCampaigns(login: string, count: number, options: SeedCampaignsOptions = {}): Campaign[] {
		const account = this.account(login);
		const everyMs = options.everyMs ?? 60_000;
		const now = this.now();
		const from = options.from ?? new Date(now.getTime() - count * everyMs);
		const phoneNumbers = options.phoneNumbers ?? ['33600000001'];
		const created: Campaign[] = [];
		for (let index = 0; index < count; index++) {
			const sendingDate = new Date(from.getTime() + index * everyMs);
			const programmed = sendingDate.getTime() > now.getTime();
			const message = options.message ?? `Message ${index + 1} STOP au 36180`;
			const sender = options.tpoa ?? '36180';
			const campaign: Campaign = {
				id: this.newCampaignId(),
				name: `${options.name ?? 'Campaign'} ${index + 1}`,
				type: options.type ?? 'sms',
				createdBy: 'seedCampaigns',
				message,
				tpoaAsked: options.tpoa,
				tpoaUsed: sender,
				dateCommand: programmed ? now : sendingDate,
				sendingDate,
				status: programmed ? 'programmed' : 'sent',
				nbSms: 0,
				nbContacts: 0,
				creditsUsed: 0,
				cliMsgId: options.cliMsgId,
				tracking: options.tracking ?? false,
				coding: 1,
				alerting: false,
				lists: [],
				smsIds: [],
				test: options.test,
			};
			const sms = phoneNumbers.map((phone): SmsRecord => {
				const check = checkPhoneNumber(phone);
				const countryIso = check.valid ? check.countryIso : 'FR';
				return {
					smsId: this.newSmsId(),
					campaignId: campaign.id,
					login: account.login,
					phoneNumber: check.valid ? check.msisdn : phone,
					countryIso,
					message,
					parts: 1,
					credits: creditsPerSms(countryIso),
					sender,
					cliMsgId: options.cliMsgId,
					ackStatus: programmed ? null : 3,
					receptionDate: programmed ? null : sendingDate,
					clicks: 0,
				};
			});
			campaign.smsIds = sms.map((record) => record.smsId);
			campaign.nbSms = sms.length;
			campaign.nbContacts = sms.length;
			campaign.creditsUsed = sms.reduce((sum, record) => sum + record.credits, 0);
			this.addCampaign(account, campaign, sms);
			this.debit(account, campaign.creditsUsed);
			created.push(campaign);
		}
		return created;
	}

	/**
	 * deleteCampaign (20) on a programmed campaign: it becomes `cancelled` (getCampaignsInfo
	 * status=cancelled still lists it) and its credits go back to the account. Returns them.
	 */
	cancelCampaign(account: Account, campaign: Campaign): number {
		campaign.status = 'cancelled';
		this.debit(account, -campaign.creditsUsed);
		return campaign.creditsUsed;
	}

	/** An SMS handed to the operator (not one of a programmed or cancelled campaign). */
	private sentSms(smsId: string): SmsRecord {
		const record = this.sms(smsId);
		if (!record) throw new Error(`sandbox: unknown SMS ${smsId}`);
		if (record.ackStatus === null)
			throw new Error(
				`sandbox: SMS ${smsId} has not been sent (its campaign is programmed or cancelled)`,
			);
		return record;
	}

	/* ----- blacklist ----- */

	/**
	 * Adds a number to an account's blacklist (test helper, future STOP/NPAI simulation).
	 * The number is stored in international form when it is a valid mobile, else as given.
	 */
	blacklist(
		login: string,
		phone: string,
		comment: BlacklistComment,
		date: Date = this.now(),
	): BlacklistEntry {
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

	/* ----- events (webhook pushes) ----- */

	/** Calls `listener` for every event emitted from now on; returns the unsubscribe function. */
	onEvent(listener: SandboxEventListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Announces a delivery report or a reply (call it after the state has changed). Listeners run
	 * synchronously and must not throw; the webhook pusher only starts its HTTP call here.
	 */
	emit(event: SandboxEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	/* ----- control ----- */

	/** Forgets everything (accounts included). */
	reset(): void {
		this.accounts.clear();
		this.smsById.clear();
		this.guards.reset();
		this.voice.reset();
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
			blacklist: [...account.blacklist.values()].map((entry) => ({
				...entry,
				date: formatApiDate(entry.date),
			})),
			replies: account.replies.map((reply) => ({
				...reply,
				receptionDate: formatApiDate(reply.receptionDate),
			})),
			webhooks: account.webhooks,
			lists: [...account.lists.values()].map((list) => ({
				...list,
				creationDate: formatApiDate(list.creationDate),
			})),
			voiceCodes: this.voice
				.list(account.login)
				.map(({ audio, creationDate, recordDate, ...media }) => ({
					...media,
					creationDate: formatApiDate(creationDate),
					recordDate: recordDate ? formatApiDate(recordDate) : null,
					audioBytes: audio?.length ?? 0,
				})),
		};
	}
}
