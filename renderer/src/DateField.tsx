// A native date field with the chosen date written out beside it in the page's language: the browser shows
// the field in its own locale (mm/dd/yyyy on an English system), the words say what was meant.
import { formatOfficeDateTime } from '../../shared/domain/officeTime';
import { useStaff } from './store';

export function DateField({
  label,
  testId,
  value,
  onChange,
}: {
  label: string;
  testId: string;
  /** `YYYY-MM-DD` or ''. */
  value: string;
  onChange: (value: string) => void;
}) {
  const lang = useStaff((s) => s.lang);
  // A calendar date, not an instant: noon UTC is that same date everywhere it is written.
  const written = value ? formatOfficeDateTime(`${value}T12:00:00Z`, 'UTC', lang, { date: true }) : '';
  return (
    <label className="date-field">
      {label}
      <input type="date" lang={lang} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />
      <span className="date-written" data-testid={`${testId}-written`}>
        {written || '\u00a0'}
      </span>
    </label>
  );
}
