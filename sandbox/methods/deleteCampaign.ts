/**
 * deleteCampaign (manual section 20): deletes a programmed campaign. Answers annex 4 codes.
 */
import type { MethodDefinition } from './context';

/** Annex 4. */
const DELETION_TEXTS = {
	CAMPIDNOTFOUND_AUTH: "Problème d'identification",
	CAMPIDNOTFOUND: 'Paramètre campId manquant',
	CAMPNOTFOUND: "La campagne n'a pas été trouvée",
	BADCAMPAIGNSENDINGTYPE: "La campagne n'est pas programmée",
	CAMPAIGNALREADYDELETED: 'Campagne déjà supprimée',
	CAMPALREADYSENT: 'La campagne a déjà été envoyée',
} as const;

/**
 * The example answers `{status: "OK"}` alone; the other codes come with annex 4's text as
 * `statusText`, the way annex 2's statuses do.
 */
function refused(status: keyof typeof DELETION_TEXTS): Record<string, unknown> {
	return {
		status: status === 'CAMPIDNOTFOUND_AUTH' ? 'CAMPIDNOTFOUND' : status,
		statusText: DELETION_TEXTS[status],
	};
}

export const deleteCampaign: MethodDefinition = {
	name: 'deleteCampaign',
	authErrorShape: 'status',
	// Annex 4's first line: CAMPIDNOTFOUND "Problème d'identification".
	authErrorAnswer: () => refused('CAMPIDNOTFOUND_AUTH'),
	async handle({ state, account, params }) {
		// The table names the parameter `camId`, annex 4 ("Paramètre campId manquant") and every
		// other method `campId`: both are read, campId first.
		const campaignId = (params.campId ?? '').trim() || (params.camId ?? '').trim();
		if (!campaignId) return refused('CAMPIDNOTFOUND');
		const campaign = state.campaign(account.login, campaignId);
		if (!campaign) return refused('CAMPNOTFOUND');
		if (campaign.status === 'cancelled') return refused('CAMPAIGNALREADYDELETED');
		if (campaign.status === 'sent') {
			// "Une campagne immédiate ne peut pas être supprimée" (20.1): never programmed →
			// BADCAMPAIGNSENDINGTYPE; programmed but its time has come → CAMPALREADYSENT.
			const wasProgrammed = campaign.sendingDate.getTime() > campaign.dateCommand.getTime();
			return refused(wasProgrammed ? 'CAMPALREADYSENT' : 'BADCAMPAIGNSENDINGTYPE');
		}
		// Where the manual is silent: the credits taken when it was programmed go back to the account.
		state.cancelCampaign(account, campaign);
		return { status: 'OK' };
	},
};
