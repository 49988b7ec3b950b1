// Setting one's own password: forced right after signing in with a temporary one (the two new-password
// fields only: the temporary password was just typed), or by choice from the navigation bar (giving the
// current one). The hub checks the same rules again.
import { useState, type FormEvent } from 'react';
import { usePending } from '../../shared/ui/usePending';
import { changePassword, signOut } from './hub';
import { useT } from './i18n';
import { Notices } from './Notices';
import { PasswordField } from './PasswordField';
import { useStaff } from './store';

const MIN_LENGTH = 8;

export function PasswordScreen({ forced }: { forced: boolean }) {
  const t = useT();
  const who = useStaff((s) => (forced ? s.passwordChange : s.data?.me));
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const [pending, run] = usePending();

  const problem =
    next.length > 0 && next.length < MIN_LENGTH
      ? t('passwordTooShort')
      : repeat.length > 0 && repeat !== next
        ? t('passwordMismatch')
        : null;
  const ready = next.length >= MIN_LENGTH && repeat === next && (forced || current.length > 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const reply = await run(() => changePassword(next, forced ? undefined : current));
    if (reply.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setChanged(true);
    }
  };

  const form = (
    <form className="card sign-in" onSubmit={submit} data-testid="password-form">
      <h1>{t(forced ? 'passwordForcedTitle' : 'passwordTitle')}</h1>
      {forced && <p className="hint">{t('passwordForcedNote', { name: who?.name ?? '' })}</p>}
      {!forced && (
        <PasswordField label={t('passwordCurrent')} testId="password-current" autoComplete="current-password" value={current} onChange={setCurrent} />
      )}
      <PasswordField
        label={t('passwordNew')}
        testId="password-new"
        autoComplete="new-password"
        autoFocus={forced}
        value={next}
        onChange={(value) => {
          setNext(value);
          setChanged(false);
        }}
      />
      <PasswordField label={t('passwordRepeat')} testId="password-repeat" autoComplete="new-password" value={repeat} onChange={setRepeat} />
      {problem && (
        <p className="error" role="alert" data-testid="password-problem">
          {problem}
        </p>
      )}
      {changed && (
        <p className="ok" role="status" data-testid="password-changed">
          {t('passwordChanged')}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary big" data-testid="password-save" disabled={pending || !ready}>
          {t('save')}
        </button>
        {forced && (
          <button type="button" data-testid="logout" onClick={() => void signOut()}>
            {t('signOut')}
          </button>
        )}
      </div>
    </form>
  );
  if (!forced) return form;
  return (
    <main className="centered">
      <Notices />
      {form}
    </main>
  );
}
