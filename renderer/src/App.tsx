// The staff app's frame: sign-in until there is a session, then the navigation bar and the section the
// address names.
import { lazy, Suspense } from 'react';
import { AdminSection } from './admin/AdminSection';
import { CaseView } from './cases/CaseView';
import { CaseListScreen } from './cases/CaseListScreen';
import { CoordinatorQueue } from './cases/CoordinatorQueue';
import { HeadBoard } from './cases/HeadBoard';
import { CounterScreen } from './counter/CounterScreen';
import { Header } from './Header';
import { useT } from './i18n';
import { Notices } from './Notices';
import { PasswordScreen } from './PasswordScreen';
import { SignIn } from './SignIn';
import { useStaff } from './store';

// The reports and their chart library load only when the section is opened: the counter console stays small.
const ReportsSection = lazy(() => import('./reports/ReportsSection'));

function Section() {
  const t = useT();
  const route = useStaff((s) => s.route);
  switch (route?.name) {
    case 'counter':
      return <CounterScreen />;
    case 'cases':
      return <CaseListScreen />;
    case 'case':
      return <CaseView key={route.caseId} caseId={route.caseId} />;
    case 'queue':
      return <CoordinatorQueue />;
    case 'board':
      return <HeadBoard />;
    case 'reports':
      return (
        <Suspense fallback={<p className="card">{t('loading')}</p>}>
          <ReportsSection />
        </Suspense>
      );
    case 'admin':
      return <AdminSection tab={route.tab} />;
    case 'password':
      return <PasswordScreen forced={false} />;
    default:
      return null;
  }
}

export function App() {
  const t = useT();
  const token = useStaff((s) => s.token);
  const signedIn = useStaff((s) => s.data !== null);
  const mustChangePassword = useStaff((s) => s.passwordChange !== null);
  if (!token) return <SignIn />;
  if (mustChangePassword) return <PasswordScreen forced />;
  if (!signedIn) {
    return (
      <main className="centered">
        <Notices />
        <p data-testid="staff-connecting">{t('connecting')}</p>
      </main>
    );
  }
  return (
    <>
      <Header />
      <Notices />
      <main className="section">
        <Section />
      </main>
    </>
  );
}
