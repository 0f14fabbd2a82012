import { useI18n } from '../../i18n/i18n';
import { formatBytes } from '../../lib/format';
import { useProfiles } from '../use-wizard';
import { setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

/** Sizes a profile allows, as choices (a "multiple of" rule offers its first multiples). */
export function allowedSizes(rule: { fixed: number[]; multipleOf: number | null } | undefined): number[] {
  if (!rule) return [];
  const sizes = new Set(rule.fixed);
  if (rule.multipleOf) for (let i = 1; i <= 10; i++) sizes.add(rule.multipleOf * i);
  return [...sizes].sort((a, b) => a - b);
}

export function PackingStep({ state, update, answer }: StepProps) {
  const { t, language } = useI18n();
  const profiles = useProfiles();
  const typeInfo = state.info.type as { profile?: string } | undefined;
  const profile = profiles.data?.items.find((p) => p.id === (state.draft.type?.profile ?? typeInfo?.profile));
  const packing = state.draft.packing ?? {};
  const sizes = allowedSizes(profile?.volumeSizes.default ?? Object.values(profile?.volumeSizes ?? {})[0]);
  const info = (answer?.info ?? state.info.packing) as
    | { volumeSize?: number; volumeCount?: number }
    | undefined;
  const set = (changes: Partial<typeof packing>) =>
    update((s) => setStep(s, 'packing', { ...(s.draft.packing ?? {}), ...changes }));
  // Sizes are shown in the units scene rules use (decimal MB), with the exact byte count beside.
  const mb = (n: number) => `${(n / 1e6).toLocaleString(language)} MB`;

  return (
    <div className="stack" style={{ maxWidth: 720 }}>
      <div className="field">
        <label htmlFor="volume-size">{t('packing.volumeSize')}</label>
        <select
          id="volume-size"
          value={packing.volumeSize ? String(packing.volumeSize) : ''}
          onChange={(e) => set({ volumeSize: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('packing.auto')}</option>
          {sizes.map((s) => (
            <option key={s} value={s}>
              {mb(s)} ({formatBytes(s, language)})
            </option>
          ))}
        </select>
        <span className="hint">{t('packing.volumeHint', { max: profile?.maxVolumes ?? '—' })}</span>
      </div>
      {profile && profile.rarFormats.length > 1 ? (
        <fieldset>
          <legend>{t('packing.format')}</legend>
          <div className="row">
            {profile.rarFormats.map((f) => (
              <label key={f} className="check">
                <input
                  type="radio"
                  name="rarFormat"
                  checked={(packing.rarFormat ?? profile.rarFormats[0]) === f}
                  onChange={() => set({ rarFormat: f })}
                />
                {f === 'rar4' ? t('packing.rar4') : t('packing.rar5')}
              </label>
            ))}
          </div>
        </fieldset>
      ) : profile ? (
        <p className="small muted">
          {t('packing.formatFixed', { format: (profile.rarFormats[0] ?? 'rar4').toUpperCase() })}
        </p>
      ) : null}
      {profile?.sample ? (
        <label className="check">
          <input
            type="checkbox"
            checked={packing.sample ?? true}
            onChange={(e) => set({ sample: e.target.checked })}
          />
          {t('packing.sample')}
        </label>
      ) : null}
      {info?.volumeCount ? (
        <div className="banner info" role="status">
          {t('packing.plan', { count: info.volumeCount, size: mb(info.volumeSize ?? 0) })}
        </div>
      ) : null}
    </div>
  );
}
