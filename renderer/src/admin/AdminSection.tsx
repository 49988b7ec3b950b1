// The admin section: the setup checklist on top (each item leads to its tab), then one tab per thing an
// office runs — services, counters, staff, devices, settings, backups. Every change is one hub event and
// reaches every screen live.
import { SETUP_ITEMS, setupChecklist, type SetupItem } from '../../../shared/domain/setup';
import { navigate } from '../hub';
import { useAdminT } from './text';
import { ADMIN_TABS, type AdminTab } from '../routes';
import { useStaff } from '../store';
import { BackupsTab } from './BackupsTab';
import { CountersTab } from './CountersTab';
import { DevicesTab } from './DevicesTab';
import { ServicesTab } from './ServicesTab';
import { SettingsTab } from './SettingsTab';
import { StaffTab } from './StaffTab';
import './admin.css';

const ITEM_TAB: Record<SetupItem, AdminTab> = {
  services: 'services',
  counters: 'counters',
  officer: 'staff',
  kiosk: 'devices',
  display: 'devices',
};

function Checklist() {
  const t = useAdminT();
  const admin = useStaff((s) => s.admin);
  const services = useStaff((s) => s.data?.services);
  if (!admin || !services) return null;
  const done = setupChecklist(admin, services);
  const allDone = SETUP_ITEMS.every((i) => done[i]);
  return (
    <section className={`card checklist${allDone ? ' checklist-done' : ''}`} data-testid="setup-checklist">
      <h2>{t('setupTitle')}</h2>
      {allDone && <p className="ok">{t('setupAllDone')}</p>}
      <ol>
        {SETUP_ITEMS.map((item) => (
          <li key={item} data-testid={`setup-item-${item}`} data-done={String(done[item])}>
            <span className={done[item] ? 'mark mark-done' : 'mark'} aria-label={t(done[item] ? 'done' : 'notDone')}>
              {done[item] ? '✓' : '○'}
            </span>
            <button type="button" className="link" onClick={() => navigate({ name: 'admin', tab: ITEM_TAB[item] })}>
              {t(`setup_${item}`)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Tab({ tab }: { tab: AdminTab }) {
  switch (tab) {
    case 'services':
      return <ServicesTab />;
    case 'counters':
      return <CountersTab />;
    case 'staff':
      return <StaffTab />;
    case 'devices':
      return <DevicesTab />;
    case 'settings':
      return <SettingsTab />;
    case 'backups':
      return <BackupsTab />;
  }
}

export function AdminSection({ tab }: { tab: AdminTab }) {
  const t = useAdminT();
  const ready = useStaff((s) => s.admin !== null);
  return (
    <div className="admin">
      <Checklist />
      <nav className="tabs" aria-label={t('nav_admin')}>
        {ADMIN_TABS.map((name) => (
          <button
            key={name}
            type="button"
            data-testid={`admin-tab-${name}`}
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => navigate({ name: 'admin', tab: name })}
          >
            {t(`adminTab_${name}`)}
          </button>
        ))}
      </nav>
      {ready ? <Tab tab={tab} /> : <p>{t('loading')}</p>}
    </div>
  );
}
