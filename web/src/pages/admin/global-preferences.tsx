import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { ExportImport, type PreferenceRow, PreferencesTable } from '../preferences-editor';

/** Global values over the built-in defaults: what every user inherits unless they set their own. */
export function GlobalPreferencesAdmin() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const global = useQuery({
    queryKey: ['preferences', 'global'],
    queryFn: () => unwrap(api.GET('/api/preferences/global')),
  });
  // The registry (keys, descriptions, defaults) comes with the resolved list.
  const mine = useQuery({ queryKey: ['preferences'], queryFn: () => unwrap(api.GET('/api/preferences')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['preferences'] });
  const globals = new Map<string, unknown>(Object.entries(global.data?.values ?? {}));
  const rows: PreferenceRow[] = (mine.data?.items ?? []).map((p) => {
    const set = globals.has(p.key);
    return {
      key: p.key,
      description: p.description,
      default: p.default,
      value: set ? globals.get(p.key) : p.default,
      source: set ? 'global' : 'default',
    };
  });
  return (
    <div className="stack">
      <p className="muted">{t('prefs.globalIntro')}</p>
      <div className="card">
        <ExportImport
          onExport={() => unwrap(api.POST('/api/preferences/global/export'))}
          onImport={async (doc, dryRun) => {
            const result = await unwrap(
              api.POST('/api/preferences/global/import', {
                params: { query: { dryRun: dryRun ? 'true' : 'false' } },
                body: doc,
              }),
            );
            if (!dryRun) await refresh();
            return result;
          }}
        />
      </div>
      <div className="card">
        {global.isLoading || mine.isLoading ? (
          <Loading />
        ) : (
          <ErrorBanner error={global.error ?? mine.error} />
        )}
        {global.data && mine.data ? (
          <PreferencesTable
            rows={rows}
            ownSource="global"
            onSave={async (key, value) => {
              await unwrap(
                api.PUT('/api/preferences/global/{key}', { params: { path: { key } }, body: { value } }),
              );
              await refresh();
            }}
            onReset={async (key) => {
              await unwrap(api.DELETE('/api/preferences/global/{key}', { params: { path: { key } } }));
              await refresh();
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
