// Sign-in: username and password; the hub's refusal (wrong password, too many tries) is shown as worded.
import { useState, type FormEvent } from 'react';
import { usePending } from '../../shared/ui/usePending';
import { LangSwitch } from './Header';
import { signIn } from './hub';
import { useT } from './i18n';
import { Notices } from './Notices';
import { PasswordField } from './PasswordField';
import { useStaff } from './store';

export function SignIn() {
  const t = useT();
  const notice = useStaff((s) => s.signInNotice);
  const online = useStaff((s) => s.online);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, run] = usePending();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(await run(() => signIn(username.trim(), password)));
  };

  return (
    <main className="centered">
      <Notices />
      <form className="card sign-in" onSubmit={submit}>
        <div className="sign-in-head">
          <h1>{t('appTitle')}</h1>
          <LangSwitch />
        </div>
        {notice && (
          <p className="hint" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        <label>
          {t('username')}
          <input
            data-testid="login-username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <PasswordField label={t('password')} testId="login-password" autoComplete="current-password" value={password} onChange={setPassword} />
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="primary big"
          data-testid="login-submit"
          disabled={pending || !online || username.trim() === '' || password === ''}
        >
          {t('signIn')}
        </button>
      </form>
    </main>
  );
}
