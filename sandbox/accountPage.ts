/**
 * The sandbox account's page for a person (`npm run dev` prints its address): what the sandbox
 * "delivered", campaign by campaign, each SMS with its text and delivery status, the replies and
 * the webhooks. A browser gets this page; anything that does not ask for HTML gets the JSON.
 */
/** Annex 3's statuses, in words a person reads. */
const DELIVERY: Record<number, string> = {
	1: 'delivered',
	2: 'not delivered',
	3: 'sent to the operator, no report yet',
	4: 'rejected',
	5: 'unknown number',
};

type Snapshot = Record<string, unknown>;

interface PageSms {
	smsId: string;
	phoneNumber: string;
	message: string;
	ackStatus: number | null;
}

interface PageCampaign {
	id: string;
	name: string;
	status: string;
	sendingDate: string;
	tpoaUsed: string;
	sms: PageSms[];
}

interface PageReply {
	smsId: string;
	phoneNumber: string;
	message: string;
	receptionDate: string;
}

const escape = (text: unknown): string =>
	String(text ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function deliveryStatus(ackStatus: number | null, campaignStatus: string): string {
	if (ackStatus === null)
		return campaignStatus === 'programmed' ? 'scheduled, not sent yet' : 'not sent';
	return DELIVERY[ackStatus] ?? `status ${ackStatus}`;
}

export function accountPage(snapshot: Snapshot, controlUrl: string): string {
	const campaigns = (snapshot.campaigns as PageCampaign[]) ?? [];
	const replies = (snapshot.replies as PageReply[]) ?? [];
	const webhooks = (snapshot.webhooks as Record<string, string>) ?? {};
	const rows = campaigns
		.slice()
		.reverse()
		.map(
			(campaign) => `
<h3>${escape(campaign.name || '(no name)')} <small>${escape(campaign.id)} · ${escape(campaign.status === 'programmed' ? `scheduled for ${campaign.sendingDate}` : `${campaign.status} ${campaign.sendingDate}`)} · from ${escape(campaign.tpoaUsed)}</small></h3>
<table><tr><th>To</th><th>Text</th><th>Delivery</th><th>smsId (for a reply)</th></tr>
${campaign.sms
	.map(
		(sms) =>
			`<tr><td>+${escape(sms.phoneNumber)}</td><td>${escape(sms.message)}</td><td>${escape(deliveryStatus(sms.ackStatus, campaign.status))}</td><td><code>${escape(sms.smsId)}</code></td></tr>`,
	)
	.join('\n')}
</table>`,
		)
		.join('\n');
	const replyRows = replies
		.map(
			(reply) =>
				`<tr><td>${escape(reply.receptionDate)}</td><td>+${escape(reply.phoneNumber)}</td><td>${escape(reply.message)}</td><td><code>${escape(reply.smsId)}</code></td></tr>`,
		)
		.join('\n');
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AllMySMS sandbox · ${escape(snapshot.login)}</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}small{color:#666;font-weight:normal}code{font-size:.85em}</style></head>
<body>
<h1>AllMySMS sandbox · account <code>${escape(snapshot.login)}</code></h1>
<p>${escape(snapshot.credits)} credits left. Nothing here reached a phone: this is the sandbox's record of what AllMySMS would have sent. Newest campaign first; the page does not refresh by itself.</p>
<p>To play a contact answering an SMS: <code>curl -X POST ${escape(controlUrl)}/sms/&lt;smsId&gt;/replies -d '{"message":"YES"}'</code>. The same data as JSON: <code>curl ${escape(controlUrl)}/accounts/${escape(snapshot.login)}</code>.</p>
<h2>Campaigns and their SMS</h2>
${rows || '<p>No SMS sent yet.</p>'}
<h2>Replies</h2>
${replyRows ? `<table><tr><th>Received</th><th>From</th><th>Text</th><th>To the SMS</th></tr>\n${replyRows}\n</table>` : '<p>No reply yet.</p>'}
<h2>Webhooks</h2>
<p>Delivery reports: <code>${escape(webhooks.dlr || '(none)')}</code><br>Replies: <code>${escape(webhooks.mo || '(none)')}</code></p>
</body></html>
`;
}
