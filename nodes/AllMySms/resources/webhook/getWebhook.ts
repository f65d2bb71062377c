import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

const show = showFor('webhook', ['getWebhook']);

/** getWebhook (41): the account's webhook URLs. */
export const getWebhook: ItemOperation = { method: 'getWebhook' };

export const getWebhookDescription: INodeProperties[] = [requestOptions(show)];
