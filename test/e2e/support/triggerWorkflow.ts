/** The trigger workflow the e2e phases activate (shared with the benchmark). */
export { triggerWorkflow, TRIGGER_NODE } from '../../../scripts/lib/workflows';
