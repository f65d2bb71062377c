/**
 * What an API method handler receives from the HTTP layer, and how it is declared.
 */
import type { Account, SandboxState } from '../state';
import type { FlowFormat } from '../smsData';

export interface MethodContext {
	state: SandboxState;
	/** Canonical method name (sendSms, simpleSms, …). */
	apiMethod: string;
	/** Query and body parameters merged (body wins). */
	params: Record<string, string>;
	/** Request headers, lower-cased names. */
	headers: Record<string, string>;
	/** Account the request acts for: the sub-account when annex 14 is used, else the authenticated one. */
	account: Account;
	/** Account whose login/apiKey authenticated the request (the master when acting as a sub-account). */
	authenticated: Account;
	/** Lets the request log show the parsed flow. */
	recordFlow(flow: { format: FlowFormat; raw: string; data: unknown }): void;
	/**
	 * Waits out an injected delay (faults.ts) once the work is done. The sending guards call it
	 * before marking the request done, so that it still counts as "being processed" meanwhile
	 * (a repeat gets 160 or 121). Applied at most once; otherwise the HTTP layer applies it
	 * before answering.
	 */
	holdAnswer(): Promise<void>;
}

export interface MethodDefinition {
	/** Canonical name, also the XML root element unless `xmlRoot` says otherwise. */
	name: string;
	xmlRoot?: string;
	/**
	 * Shape of an authentication failure: sending methods answer `{status: 102, statusText}`,
	 * read methods `{error: "…"}` (sections 9-17 "AUTRES VARIABLES DE RETOUR").
	 */
	authErrorShape: 'status' | 'error';
	/** The whole answer to an authentication failure, when the method has its own (deleteCampaign, annex 4). Wins over `authErrorShape`. */
	authErrorAnswer?: (text: string) => Record<string, unknown>;
	/** simpleSms (6.1) and simpleVocal (36.1) always answer JSON. */
	jsonOnly?: boolean;
	/**
	 * The method's own `subAccount` parameter names the sub-account it works on
	 * (updateSubAccount 22.1, manageSubAccountCredits 24.1), so it does not make the request act
	 * as that sub-account: only the `Allmysms-Subaccount` header does (annex 14).
	 */
	subAccountParamIsTarget?: boolean;
	handle(context: MethodContext): Promise<Record<string, unknown>>;
}
