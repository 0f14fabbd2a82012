import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ErrorBanner, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { ExportImport, PreferencesTable } from './preferences-editor';

export default function PreferencesPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const prefs = useQuery({ queryKey: ['preferences'], queryFn: () => unwrap(api.GET('/api/preferences')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['preferences'] });
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('prefs.title')}</h1>
      </div>
      <p className="muted">{t('prefs.intro')}</p>
      <div className="card">
        <ExportImport
          onExport={() => unwrap(api.POST('/api/preferences/export'))}
          onImport={async (doc, dryRun) => {
            const result = await unwrap(
              api.POST('/api/preferences/import', {
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
        {prefs.isLoading ? <Loading /> : <ErrorBanner error={prefs.error} />}
        {prefs.data ? (
          <PreferencesTable
            rows={prefs.data.items}
            ownSource="user"
            onSave={async (key, value) => {
              await unwrap(api.PUT('/api/preferences/{key}', { params: { path: { key } }, body: { value } }));
              await refresh();
            }}
            onReset={async (key) => {
              await unwrap(api.DELETE('/api/preferences/{key}', { params: { path: { key } } }));
              await refresh();
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
