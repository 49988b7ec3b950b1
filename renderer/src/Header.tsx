// The bar on every signed-in screen: the sections the role reaches, who is signed in, language, sign-out.
import { navigate, setLang, signOut } from './hub';
import { useT } from './i18n';
import { SECTIONS } from './routes';
import { useStaff } from './store';

export function LangSwitch() {
  const lang = useStaff((s) => s.lang);
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <button
      type="button"
      className="lang"
      data-testid="lang-toggle"
      data-lang={lang}
      title={other === 'en' ? 'English' : 'Bahasa Indonesia'}
      onClick={() => setLang(other)}
    >
      {other.toUpperCase()}
    </button>
  );
}

export function Header() {
  const t = useT();
  const me = useStaff((s) => s.data?.me);
  const office = useStaff((s) => s.data?.office.name);
  const route = useStaff((s) => s.route);
  const escalated = useStaff((s) => s.data?.caseCounts.filter((k) => k.status === 'escalated').reduce((sum, k) => sum + k.n, 0) ?? 0);
  if (!me) return null;
  const current = route?.name === 'case' ? 'cases' : route?.name;
  const firstAdminTab = { name: 'admin', tab: 'services' } as const;
  return (
    <header className="topbar">
      <div className="brand">
        <strong>{t('appTitle')}</strong>
        <span>{office}</span>
      </div>
      <nav>
        {SECTIONS[me.role].map((section) => (
          <button
            key={section}
            type="button"
            data-testid={`nav-${section}`}
            aria-current={current === section ? 'page' : undefined}
            onClick={() => navigate(section === 'admin' ? firstAdminTab : { name: section })}
          >
            {t(`nav_${section}`)}
            {section === 'queue' && escalated > 0 && <span className="badge">{escalated}</span>}
          </button>
        ))}
      </nav>
      <div className="who">
        <span data-testid="me-name">{me.name}</span>
        <span className="role">{t(`role_${me.role}`)}</span>
        <LangSwitch />
        <button
          type="button"
          data-testid="nav-password"
          aria-current={current === 'password' ? 'page' : undefined}
          onClick={() => navigate({ name: 'password' })}
        >
          {t('nav_password')}
        </button>
        <button type="button" data-testid="logout" onClick={() => void signOut()}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
