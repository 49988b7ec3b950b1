// The staff app's frame: sign-in until there is a session, then the navigation bar and the section the
// address names.
import { LazyScreen } from './LazyScreen';
import { CounterScreen } from './counter/CounterScreen';
import { Header } from './Header';
import { useT } from './i18n';
import { AdminSection, CaseListScreen, CaseView, CoordinatorQueue, HeadBoard, ReportsSection } from './lazyScreens';
import { Notices } from './Notices';
import { PasswordScreen } from './PasswordScreen';
import { SignIn } from './SignIn';
import { useStaff } from './store';

function Section() {
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
      return <ReportsSection />;
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
  const section = useStaff((s) => s.route?.name);
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
        {/* A fresh boundary per section: leaving a screen that failed to load clears its notice. */}
        <LazyScreen key={section}>
          <Section />
        </LazyScreen>
      </main>
    </>
  );
}
