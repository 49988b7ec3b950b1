// Figures as label over value, each value with its test id: the head's board and the reports.
export type Figure = [testId: string, label: string, value: string | number];

export function Figures({ figures, className }: { figures: Figure[]; className?: string }) {
  return (
    <dl className={className}>
      {figures.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={id}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
