import { Typography } from 'antd';
import { yearSummary } from '@shared/domain/holiday-ranges';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const CELL = 22;

const pad = (n: number) => String(n).padStart(2, '0');

/** One month as a week grid: 休 on days off (red), 班 on 调休 weekend days worked (blue), weekends grey. */
function Month({ year, month, off, worked }: { year: number; month: number; off: Set<string>; worked: Set<string> }) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  return (
    <div>
      <div style={{ textAlign: 'center', fontWeight: 600, fontSize: 12 }}>{month} 月</div>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(7, ${CELL}px)`, fontSize: 11, textAlign: 'center' }}>
        {WEEK.map((w) => (
          <span key={w} style={{ color: '#999' }}>
            {w}
          </span>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <span key={`x${i}`} />;
          const date = `${year}-${pad(month)}-${pad(d)}`;
          const weekend = i % 7 >= 5;
          const style = off.has(date)
            ? { background: '#fff1f0', color: '#cf1322', fontWeight: 600 }
            : worked.has(date)
              ? { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 }
              : { color: weekend ? '#bbb' : undefined };
          const title = off.has(date) ? `${date} 放假` : worked.has(date) ? `${date} 调休上班` : date;
          return (
            <span key={date} title={title} style={{ lineHeight: `${CELL - 4}px`, borderRadius: 3, ...style }}>
              {d}
            </span>
          );
        })}
      </div>
    </div>
  );
}

/** What the year will look like once saved: the twelve months and the figures to check against the notice. */
export function YearPreview({ year, holidays, workdays }: { year: number; holidays: string[]; workdays: string[] }) {
  const off = new Set(holidays);
  const worked = new Set(workdays);
  const s = yearSummary(year, holidays, workdays);
  return (
    <div data-testid="year-preview">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {year}年：放假 {holidays.length} 天（其中占用工作日 {s.weekdaysOff} 天），调休上班 {s.weekendsWorked}{' '}
        天，全年工作日 <b data-testid="year-preview-workdays">{s.workdays}</b> 天。
        <Typography.Text type="secondary">（红色为放假，蓝色为调休上班）</Typography.Text>
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(4, ${CELL * 7}px)`, gap: '10px 24px' }}>
        {Array.from({ length: 12 }, (_, i) => (
          <Month key={i} year={year} month={i + 1} off={off} worked={worked} />
        ))}
      </div>
    </div>
  );
}
