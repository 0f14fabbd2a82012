import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { Findings } from '../components/findings';
import { ErrorBanner } from '../components/ui';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { DeliveryStep } from './steps/delivery-step';
import { MetadataStep } from './steps/metadata-step';
import { NamingStep } from './steps/naming-step';
import { NfoStep } from './steps/nfo-step';
import { PackingStep } from './steps/packing-step';
import { ReviewStep } from './steps/review-step';
import { SourceStep } from './steps/source-step';
import { TypeStep } from './steps/type-step';
import { type StepAnswer, usePreferences, useStepValidation, useWizardState } from './use-wizard';
import {
  accept,
  canOpen,
  clearSavedState,
  EMPTY,
  furthestOpen,
  isStep,
  nextStep,
  previousStep,
  type ServerStep,
  STEPS,
  type Step,
  startDraft,
  toFullState,
} from './wizard-logic';

const TITLES: Record<Step, MessageKey> = {
  type: 'wizard.step.type',
  source: 'wizard.step.source',
  metadata: 'wizard.step.metadata',
  naming: 'wizard.step.naming',
  nfo: 'wizard.step.nfo',
  packing: 'wizard.step.packing',
  delivery: 'wizard.step.delivery',
  review: 'wizard.step.review',
};

export default function WizardPage() {
  const { step } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, update, reset] = useWizardState();
  const prefs = usePreferences();
  const validation = useStepValidation();
  const [answers, setAnswers] = useState<Partial<Record<Step, StepAnswer>>>({});
  const preset = params.get('type');

  // "New eBook release" / "New TV release" links start a fresh draft of that type.
  useEffect(() => {
    if ((preset === 'ebook' || preset === 'tv') && prefs.data && state.draft.type?.releaseType !== preset) {
      update(() => ({ ...EMPTY, draft: startDraft(preset, undefined, prefs.data.items) }));
    }
  }, [preset, prefs.data, state.draft.type?.releaseType, update]);

  const pack = useMutation({
    mutationFn: () => unwrap(api.POST('/api/wizard/pack', { body: toFullState(state.draft) })),
    onSuccess: (job) => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      // Leave first, then forget the draft: resetting while still on the review step would send
      // the page back to the first step instead of the job.
      navigate(`/jobs/${job.id}`);
      clearSavedState(sessionStorage);
    },
  });

  if (!isStep(step)) return <Navigate to="/new/type" replace />;
  if (!canOpen(state, step)) return <Navigate to={`/new/${furthestOpen(state)}`} replace />;

  const answer = answers[step] ?? null;
  const goNext = async () => {
    if (step === 'review') return pack.mutate();
    const result = await validation.mutateAsync({ state, step: step as ServerStep });
    setAnswers((a) => ({ ...a, [step]: result }));
    if (!result.ok) return;
    update((s) => accept(s, step as ServerStep, result.info));
    const next = nextStep(step);
    if (next) navigate(`/new/${next}`);
  };
  const ready =
    step === 'type' ? Boolean(state.draft.type) : step === 'source' ? Boolean(state.draft.source) : true;
  const props = { state, update, answer };

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('wizard.title')}</h1>
        <button
          type="button"
          className="ghost"
          onClick={() => {
            if (window.confirm(t('wizard.confirmReset'))) {
              reset();
              navigate('/new/type');
            }
          }}
        >
          {t('wizard.startOver')}
        </button>
      </div>
      <nav aria-label={t('wizard.steps')}>
        <ol className="steps">
          {STEPS.map((s) => {
            const done = s !== 'review' && state.done.includes(s as ServerStep);
            const open = canOpen(state, s);
            return (
              <li key={s} className={`${done ? 'done' : ''} ${s === step ? 'current' : ''}`}>
                {open ? (
                  <Link to={`/new/${s}`} aria-current={s === step ? 'step' : undefined}>
                    {STEPS.indexOf(s) + 1}. {t(TITLES[s])}
                  </Link>
                ) : (
                  <span aria-disabled="true">
                    {STEPS.indexOf(s) + 1}. {t(TITLES[s])}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <form
        className="card"
        aria-labelledby="step-title"
        onSubmit={(e) => {
          e.preventDefault();
          void goNext();
        }}
      >
        <h2 id="step-title">{t(TITLES[step])}</h2>
        {step === 'type' ? <TypeStep {...props} /> : null}
        {step === 'source' ? <SourceStep {...props} /> : null}
        {step === 'metadata' ? <MetadataStep {...props} /> : null}
        {step === 'naming' ? <NamingStep {...props} /> : null}
        {step === 'nfo' ? <NfoStep {...props} /> : null}
        {step === 'packing' ? <PackingStep {...props} /> : null}
        {step === 'delivery' ? <DeliveryStep {...props} /> : null}
        {step === 'review' ? <ReviewStep state={state} update={update} /> : null}
        <div style={{ marginTop: '1rem' }}>
          <ErrorBanner error={validation.error ?? pack.error} />
          {answer && !answer.ok ? (
            <div className="stack" role="alert" data-testid="step-errors">
              {answer.errors.map((e) => (
                <div key={`${e.path}-${e.message}`} className="banner error">
                  {e.path ? <span className="mono">{e.path}: </span> : null}
                  {e.message}
                </div>
              ))}
              {step !== 'naming' ? <Findings findings={answer.findings} /> : null}
            </div>
          ) : null}
        </div>
        <div className="wizard-actions">
          {previousStep(step) ? (
            <button type="button" onClick={() => navigate(`/new/${previousStep(step)}`)}>
              {t('wizard.back')}
            </button>
          ) : (
            <span />
          )}
          <button
            type="submit"
            className="primary"
            disabled={!ready || validation.isPending || pack.isPending}
          >
            {step === 'review'
              ? pack.isPending
                ? t('wizard.packing')
                : t('wizard.pack')
              : validation.isPending
                ? t('wizard.checking')
                : t('wizard.next')}
          </button>
        </div>
      </form>
    </div>
  );
}
