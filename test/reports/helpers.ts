import { sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

/** 2025-06-02 12:00:00 in Paris (10:00 UTC), a Monday; moves only when told. */
export class Clock {
	time = Date.parse('2025-06-02T10:00:00Z');
	now = (): Date => new Date(this.time);
	advance(ms: number): void {
		this.time += ms;
	}
}

export async function accountWithClock(): Promise<TestAccount & { clock: Clock }> {
	const clock = new Clock();
	return { ...(await sandboxWithAccount({ now: clock.now })), clock };
}

export interface SentCampaign {
	campaignId: string;
	smsIds: Array<{ phoneNumber: string; smsId: string }>;
	status: number;
	creditsUsed: number;
}

let sends = 0;

/**
 * A campaign sent straight to the sandbox's sendSms (not through the node under test), the way
 * any other AllMySMS client would have sent it. Each call's message differs (no 121).
 */
export async function sendCampaign(
	account: TestAccount,
	options: {
		numbers: string[];
		date?: string;
		tracking?: boolean;
		cliMsgId?: string;
		message?: string;
		tpoa?: string;
		name?: string;
	},
): Promise<SentCampaign> {
	sends += 1;
	const data: Record<string, unknown> = {
		MESSAGE: options.message ?? `Hello ${sends} https://allmysms.com STOP au 36180`,
		SMS: options.numbers.map((number) => ({ MOBILEPHONE: number })),
	};
	if (options.date) data.DATE = options.date;
	if (options.tracking) data.TRACKING = 1;
	if (options.cliMsgId) data.CLIMSGID = options.cliMsgId;
	if (options.tpoa) data.TPOA = options.tpoa;
	if (options.name) data.CAMPAIGN_NAME = options.name;
	const response = await fetch(`${account.sandbox.baseUrl}/sendSms/`, {
		method: 'POST',
		body: new URLSearchParams({
			login: account.login,
			apiKey: account.apiKey,
			smsData: JSON.stringify({ DATA: data }),
		}),
	});
	const answer = (await response.json()) as SentCampaign;
	if (answer.status !== 100 && answer.status !== 101)
		throw new Error(`sendSms refused: ${JSON.stringify(answer)}`);
	return answer;
}
