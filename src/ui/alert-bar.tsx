// Shows the app-wide alerts (storage full, blocked database…) where the user cannot miss them.
import { useStore } from 'zustand';
import { alertStore, dismissAlert } from '../lib/alerts';
import { isMessageKey, useT } from '../lib/i18n';

export function AlertBar() {
  const alerts = useStore(alertStore, (s) => s.alerts);
  const t = useT();
  if (alerts.length === 0) return null;
  return (
    <div className="alerts">
      {alerts.map((a) => (
        <div key={a.id} className={`alert alert-${a.kind}`} role="alert">
          <span>{isMessageKey(a.message) ? t(a.message) : a.message}</span>
          {a.action === 'reload' && (
            <button type="button" onClick={() => window.location.reload()}>
              {t('alert.reload')}
            </button>
          )}
          <button type="button" className="link" onClick={() => dismissAlert(a.id)}>
            {t('alert.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
