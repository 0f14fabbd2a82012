import { useI18n } from '../../i18n/i18n';
import { usePreferences, useProfiles } from '../use-wizard';
import { type ProfileId, type ReleaseType, setStep, startDraft, type WizardState } from '../wizard-logic';
import type { StepProps } from './step-props';

export function TypeStep({ state, update }: StepProps) {
  const { t } = useI18n();
  const profiles = useProfiles();
  const prefs = usePreferences();
  const current = state.draft.type;
  const choose = (releaseType: ReleaseType, profile?: ProfileId) =>
    update((s): WizardState => {
      if (s.draft.type?.releaseType === releaseType) {
        return setStep(s, 'type', { releaseType, ...(profile ? { profile } : {}) });
      }
      // A new type starts over, with this type's defaults from the preferences.
      return { draft: startDraft(releaseType, profile, prefs.data?.items ?? []), done: [], info: {} };
    });
  const forType = (profiles.data?.items ?? []).filter((p) => p.releaseType === current?.releaseType);
  const defaultProfile = prefs.data?.items.find(
    (p) => p.key === (current?.releaseType === 'tv' ? 'pack.tvProfile' : 'pack.ebookProfile'),
  )?.value as string | undefined;

  return (
    <div className="stack">
      <fieldset>
        <legend>{t('wizard.releaseType')}</legend>
        <div className="choice-grid">
          {(['ebook', 'tv'] as const).map((type) => (
            <label key={type} className="choice">
              <input
                type="radio"
                name="releaseType"
                value={type}
                checked={current?.releaseType === type}
                onChange={() => choose(type)}
              />
              <span>
                <strong>{t(`type.${type}`)}</strong>
                <br />
                <span className="small muted">
                  {t(type === 'ebook' ? 'wizard.ebookHint' : 'wizard.tvHint')}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {current ? (
        <div className="field" style={{ maxWidth: 420 }}>
          <label htmlFor="profile">{t('wizard.profile')}</label>
          <select
            id="profile"
            value={current.profile ?? ''}
            onChange={(e) => choose(current.releaseType, forType.find((p) => p.id === e.target.value)?.id)}
          >
            <option value="">{t('wizard.profileDefault', { profile: defaultProfile ?? '—' })}</option>
            {forType.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
          </select>
          <span className="hint">{t('wizard.profileHint')}</span>
        </div>
      ) : null}
    </div>
  );
}
