// Office settings: names for the screens and signed reports, the hub's address for devices, texts, the
// priority question, the voice, opening hours (always, the government preset, or per weekday, with when
// the office opens next), how long the kiosk shows a ticket and its rate limit, the ticket's QR and the survey,
// and how long personal data in closed cases is kept.
import { useState } from 'react';
import { formatOfficeDateTime, GOVERNMENT_HOURS, openState, parseHm } from '../../../shared/domain/officeTime';
import { RETENTION_DAYS } from '../../../shared/domain/caseRules';
import { WEEKDAYS, type OpeningHours, type Settings, type TimeInterval, type Weekday } from '../../../shared/domain/types';
import { Dialog } from '../../../shared/ui/Dialog';
import { usePending } from '../../../shared/ui/usePending';
import { request } from '../hub';
import { useAdminT } from './text';
import { hubNow, useStaff, useTimeZone } from '../store';
import { FormProblem, TextField } from './parts';

type HoursMode = 'always' | 'government' | 'custom';
type WeekHours = Record<Weekday, TimeInterval[]>;

const sameHours = (a: WeekHours, b: WeekHours) => JSON.stringify(a) === JSON.stringify(b);

function modeOf(hours: OpeningHours): HoursMode {
  if (hours === 'always') return 'always';
  return sameHours(hours, GOVERNMENT_HOURS) ? 'government' : 'custom';
}

interface Draft {
  officeName: string;
  officeAddress: string;
  publicUrl: string;
  headName: string;
  headNip: string;
  runningText: string;
  ticketFooter: string;
  priorityEnabled: boolean;
  ticketQr: boolean;
  surveyEnabled: boolean;
  voice: Settings['voice'];
  mode: HoursMode;
  week: WeekHours;
  ticketHoldSeconds: string;
  kioskRateLimitPerMinute: string;
  retentionDays: string;
}

function HoursEditor({ week, onChange }: { week: WeekHours; onChange: (week: WeekHours) => void }) {
  const t = useAdminT();
  const setDay = (day: Weekday, intervals: TimeInterval[]) => onChange({ ...week, [day]: intervals });
  return (
    <div className="hours" data-testid="settings-hours-days">
      {WEEKDAYS.map((day) => (
        <div key={day} className="hours-day">
          <strong>{t(`weekday_${day}`)}</strong>
          {week[day].length === 0 && <span className="muted">{t('settingsHoursClosed')}</span>}
          {week[day].map(([from, to], i) => (
            <span key={i} className="hours-interval">
              <input
                type="time"
                data-testid={`settings-hours-${day}-${i}-from`}
                value={from}
                onChange={(e) => setDay(day, week[day].map((iv, j) => (j === i ? [e.target.value, iv[1]] : iv)))}
              />
              –
              <input
                type="time"
                data-testid={`settings-hours-${day}-${i}-to`}
                value={to}
                onChange={(e) => setDay(day, week[day].map((iv, j) => (j === i ? [iv[0], e.target.value] : iv)))}
              />
              <button
                type="button"
                className="small"
                data-testid={`settings-hours-${day}-${i}-remove`}
                onClick={() => setDay(day, week[day].filter((_, j) => j !== i))}
              >
                {t('settingsHoursRemove')}
              </button>
            </span>
          ))}
          {week[day].length < 6 && (
            <button
              type="button"
              className="small"
              data-testid={`settings-hours-${day}-add`}
              onClick={() => setDay(day, [...week[day], ['08:00', '16:00']])}
            >
              {t('settingsHoursAdd')}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

export function SettingsTab() {
  const t = useAdminT();
  const lang = useStaff((s) => s.lang);
  const timeZone = useTimeZone();
  const data = useStaff((s) => s.data);
  const [pending, run] = usePending();
  const [saved, setSaved] = useState(false);
  /** A lower retention period waiting for the admin's yes, with how many closed cases it would blank now. */
  const [shorter, setShorter] = useState<{ cases: number } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(() => {
    if (!data) return null;
    const s = data.settings;
    return {
      officeName: data.office.name,
      officeAddress: data.office.address,
      publicUrl: s.publicUrl,
      headName: s.headName,
      headNip: s.headNip,
      runningText: s.runningText,
      ticketFooter: s.ticketFooter,
      priorityEnabled: s.priorityEnabled,
      ticketQr: s.ticketQr,
      surveyEnabled: s.surveyEnabled,
      voice: s.voice,
      mode: modeOf(s.openingHours),
      week: s.openingHours === 'always' ? GOVERNMENT_HOURS : s.openingHours,
      ticketHoldSeconds: String(s.ticketHoldSeconds),
      kioskRateLimitPerMinute: String(s.kioskRateLimitPerMinute),
      retentionDays: String(s.retentionDays),
    };
  });
  if (!draft || !data) return null;
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  const hours: OpeningHours = draft.mode === 'always' ? 'always' : draft.mode === 'government' ? GOVERNMENT_HOURS : draft.week;

  const numberProblem = (value: string, field: string, min: number, max: number) => {
    const n = Number(value);
    return /^\d+$/.test(value) && n >= min && n <= max ? null : t('settingsNumberInvalid', { field, min, max });
  };
  const hoursProblem = (): string | null => {
    if (hours === 'always') return null;
    for (const day of WEEKDAYS) {
      const sorted = [...hours[day]].sort((a, b) => a[0].localeCompare(b[0]));
      for (const [i, [from, to]] of sorted.entries()) {
        if (!from || !to || parseHm(from) >= parseHm(to)) return t('settingsHoursBad', { day: t(`weekday_${day}`) });
        const prev = sorted[i - 1];
        if (prev && parseHm(from) < parseHm(prev[1])) return t('settingsHoursOverlap', { day: t(`weekday_${day}`) });
      }
    }
    return null;
  };
  const tooLong = (value: string, max: number, field: string) => (value.trim().length > max ? t('tooLong', { field, max }) : null);
  const problem =
    (!draft.officeName.trim() ? t('required', { field: t('settingsOfficeName') }) : null) ??
    tooLong(draft.officeName, 120, t('settingsOfficeName')) ??
    tooLong(draft.officeAddress, 200, t('settingsOfficeAddress')) ??
    tooLong(draft.headName, 120, t('settingsHeadName')) ??
    (/^[0-9 ]{0,24}$/.test(draft.headNip.trim()) ? null : t('settingsNipInvalid')) ??
    tooLong(draft.runningText, 500, t('settingsRunningText')) ??
    tooLong(draft.ticketFooter, 200, t('settingsTicketFooter')) ??
    (draft.publicUrl.trim() && !/^https?:\/\/[^/\s?#@]+\/?$/.test(draft.publicUrl.trim()) ? t('settingsPublicUrlInvalid') : null) ??
    numberProblem(draft.ticketHoldSeconds, t('settingsTicketHold'), 3, 300) ??
    numberProblem(draft.kioskRateLimitPerMinute, t('settingsKioskRate'), 1, 10_000) ??
    numberProblem(draft.retentionDays, t('settingsRetentionDays', RETENTION_DAYS), RETENTION_DAYS.min, RETENTION_DAYS.max) ??
    hoursProblem();

  const open = hoursProblem() === null ? openState(new Date(hubNow(data)), timeZone, hours) : null;

  const retentionDays = Number(draft.retentionDays);
  const store = async () => {
    const reply = await request('settings:update', {
      office: { name: draft.officeName, address: draft.officeAddress },
      settings: {
        publicUrl: draft.publicUrl,
        headName: draft.headName,
        headNip: draft.headNip,
        runningText: draft.runningText,
        ticketFooter: draft.ticketFooter,
        priorityEnabled: draft.priorityEnabled,
        ticketQr: draft.ticketQr,
        surveyEnabled: draft.surveyEnabled,
        voice: draft.voice,
        openingHours: hours,
        ticketHoldSeconds: Number(draft.ticketHoldSeconds),
        kioskRateLimitPerMinute: Number(draft.kioskRateLimitPerMinute),
        retentionDays,
      },
    });
    setSaved(reply.ok);
  };

  // A period typed too short (30 for 300) erases personal data for good at the next office day: a lower one
  // is saved only once the admin has seen what it would blank now and said yes.
  const save = () =>
    void run(async () => {
      if (retentionDays >= data.settings.retentionDays) return store();
      const preview = await request('settings:retentionPreview', { retentionDays });
      if (preview.ok) setShorter({ cases: preview.data.cases });
    });
  const confirmShorter = () =>
    void run(async () => {
      setShorter(null);
      await store();
    });

  const text = (id: string, key: keyof Draft, label: string) => (
    <label>
      {label}
      <input data-testid={id} value={String(draft[key])} onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)} />
    </label>
  );

  return (
    <section className="card settings">
      <h2>{t('adminTab_settings')}</h2>
      <h3>{t('settingsOffice')}</h3>
      <div className="fields">
        {text('settings-office-name', 'officeName', t('settingsOfficeName'))}
        {text('settings-office-address', 'officeAddress', t('settingsOfficeAddress'))}
        {text('settings-head-name', 'headName', t('settingsHeadName'))}
        {text('settings-head-nip', 'headNip', t('settingsHeadNip'))}
        {text('settings-public-url', 'publicUrl', t('settingsPublicUrl'))}
      </div>
      <h3>{t('settingsScreens')}</h3>
      <div className="fields">
        {text('settings-running-text', 'runningText', t('settingsRunningText'))}
        {text('settings-ticket-footer', 'ticketFooter', t('settingsTicketFooter'))}
        <label>
          {t('settingsVoice')}
          <select data-testid="settings-voice" value={draft.voice} onChange={(e) => set({ voice: e.target.value as Settings['voice'] })}>
            <option value="clips">{t('settingsVoice_clips')}</option>
            <option value="system">{t('settingsVoice_system')}</option>
          </select>
        </label>
        <TextField id="settings-ticket-hold" label={t('settingsTicketHold')} numeric value={draft.ticketHoldSeconds} onChange={(v) => set({ ticketHoldSeconds: v })} />
        <TextField id="settings-kiosk-rate" label={t('settingsKioskRate')} numeric value={draft.kioskRateLimitPerMinute} onChange={(v) => set({ kioskRateLimitPerMinute: v })} />
        <label className="check">
          <input type="checkbox" data-testid="settings-priority" checked={draft.priorityEnabled} onChange={(e) => set({ priorityEnabled: e.target.checked })} />
          {t('settingsPriority')}
        </label>
        <label className="check">
          <input type="checkbox" data-testid="settings-ticket-qr" checked={draft.ticketQr} onChange={(e) => set({ ticketQr: e.target.checked })} />
          {t('settingsTicketQr')}
        </label>
        <label className="check">
          <input type="checkbox" data-testid="settings-survey" checked={draft.surveyEnabled} onChange={(e) => set({ surveyEnabled: e.target.checked })} />
          {t('settingsSurvey')}
        </label>
      </div>
      <h3>{t('settingsPrivacy')}</h3>
      <div className="fields few">
        <TextField
          id="settings-retention-days"
          label={t('settingsRetentionDays', RETENTION_DAYS)}
          numeric
          value={draft.retentionDays}
          onChange={(v) => set({ retentionDays: v })}
        />
      </div>
      <p className="hint">{t('settingsRetentionHint')}</p>
      <h3>{t('settingsHours')}</h3>
      <label>
        <select
          data-testid="settings-hours"
          aria-label={t('settingsHours')}
          value={draft.mode}
          onChange={(e) => set({ mode: e.target.value as HoursMode })}
        >
          {(['always', 'government', 'custom'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`settingsHours_${m}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.mode === 'custom' && <HoursEditor week={draft.week} onChange={(week) => set({ week })} />}
      {open && (
        <p className="hint" data-testid="settings-hours-preview">
          {open.open ? t('settingsOpenNow') : open.opensAt ? t('settingsOpensAt', { at: formatOfficeDateTime(open.opensAt, timeZone, lang) }) : t('settingsNeverOpens')}
        </p>
      )}
      <FormProblem problem={problem} />
      {saved && (
        <p className="ok" role="status" data-testid="settings-saved">
          {t('settingsSaved')}
        </p>
      )}
      <button type="button" className="primary" data-testid="settings-save" disabled={pending || problem !== null} onClick={save}>
        {t('save')}
      </button>
      {shorter && (
        <Dialog title={t('settingsRetentionShorter')} testId="settings-retention-confirm" onClose={() => setShorter(null)}>
          <p data-testid="settings-retention-confirm-text">
            {t('settingsRetentionShorterQuestion', { from: data.settings.retentionDays, to: retentionDays, cases: shorter.cases })}
          </p>
          <div className="row">
            <button type="button" className="primary" data-testid="settings-retention-confirm-yes" disabled={pending} onClick={confirmShorter}>
              {t('settingsRetentionShorterYes', { days: retentionDays })}
            </button>
            <button type="button" data-testid="settings-retention-confirm-no" onClick={() => setShorter(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
