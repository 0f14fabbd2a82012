import type { StepAnswer } from '../use-wizard';
import type { WizardState } from '../wizard-logic';

export interface StepProps {
  readonly state: WizardState;
  readonly update: (fn: (s: WizardState) => WizardState) => void;
  /** The last validation answer for this step, if any. */
  readonly answer: StepAnswer | null;
}
