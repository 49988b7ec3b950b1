// A labelled password input: signing in and changing one's password ask for passwords alike.
export function PasswordField({
  label,
  testId,
  autoComplete,
  value,
  onChange,
  autoFocus,
}: {
  label: string;
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <label>
      {label}
      <input data-testid={testId} type="password" autoComplete={autoComplete} autoFocus={autoFocus} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
