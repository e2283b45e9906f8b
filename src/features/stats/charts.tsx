// The statistics page's charts: plain SVG that scales to its box (bars, a year's calendar), each in a section with an
// accessible name and a button that shows the same numbers as a table.
import { useId, useState, type ReactNode } from 'react';
import { useMessages } from '../../lib/i18n';
import { statsMessages } from './stats-messages';

/** A cell: its text, or a main text with a second, smaller line (a percent and its counts). */
export type TableCell = string | { main: string; sub: string };

export interface TableData {
  head: string[];
  rows: TableCell[][];
}

function CellText({ cell }: { cell: TableCell }) {
  if (typeof cell === 'string') return cell;
  return (
    <>
      {cell.main} <span className="stats-sub">{cell.sub}</span>
    </>
  );
}

/** A section of the page: heading, summary, the chart, and its table view a click away. */
export function ChartSection(props: {
  name: string;
  title: string;
  label: string;
  summary?: ReactNode;
  chart?: ReactNode;
  table: TableData;
}) {
  const m = useMessages(statsMessages);
  const [table, setTable] = useState(false);
  const id = useId();
  return (
    <section className="stats-section" aria-labelledby={`${id}-h`} data-section={props.name}>
      <h2 id={`${id}-h`}>{props.title}</h2>
      {props.summary}
      {props.chart && (
        <>
          <figure className="stats-figure">{props.chart}</figure>
          <button type="button" aria-expanded={table} aria-controls={id} onClick={() => setTable(!table)}>
            {m(table ? 'table.hide' : 'table.show')}
          </button>
        </>
      )}
      {(table || !props.chart) && <StatsTable id={id} caption={props.label} data={props.table} />}
    </section>
  );
}

export function StatsTable({ id, caption, data }: { id?: string; caption: string; data: TableData }) {
  return (
    <div className="table-scroll" id={id}>
      <table className="stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {data.head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    <CellText cell={cell} />
                  </th>
                ) : (
                  <td key={j}>
                    <CellText cell={cell} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface BarPart {
  value: number;
  /** A CSS class suffix: the band or button it counts (its colour). */
  kind: string;
}

export interface BarColumn {
  title: string;
  parts: BarPart[];
}

const W = 600;
const H = 160;

/** Vertical bars, stacked by part; each bar's numbers are its tooltip. */
export function BarChart({ label, columns }: { label: string; columns: BarColumn[] }) {
  const m = useMessages(statsMessages);
  const totals = columns.map((c) => c.parts.reduce((a, p) => a + p.value, 0));
  const max = Math.max(1, ...totals);
  const step = W / Math.max(1, columns.length);
  const gap = step > 4 ? Math.min(4, step * 0.2) : 0;
  return (
    <>
      <span className="stats-axis-max">{m('chart.max', { n: max.toLocaleString() })}</span>
      <svg className="stats-chart" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className="stats-axis" />
        {columns.map((c, i) => {
          let y = H;
          const total = totals[i] ?? 0;
          return (
            <g key={i}>
              <title>{`${c.title}: ${c.parts.length > 1 ? c.parts.map((p) => p.value).join(' + ') + ' = ' : ''}${total}`}</title>
              {c.parts.map((p, j) => {
                const h = (p.value / max) * (H - 4);
                y -= h;
                return (
                  <rect
                    key={j}
                    x={i * step + gap / 2}
                    y={y}
                    width={step - gap}
                    height={h}
                    className={`bar-${p.kind}`}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="stats-axis-labels">
        <span>{columns[0]?.title}</span>
        <span>{columns[columns.length - 1]?.title}</span>
      </figcaption>
    </>
  );
}

export interface HeatCell {
  day: number;
  date: string;
  count: number;
}

const CELL = 12;

/** A year's days in week columns (Sunday on top), coloured by count; every day names its count. */
export function Heatmap({
  label,
  cells,
  cellLabel,
}: {
  label: string;
  cells: HeatCell[];
  cellLabel: (c: HeatCell) => string;
}) {
  const first = cells[0]?.day ?? 0;
  // 1970-01-01 was a Thursday (4, Sunday 0).
  const lead = (((first + 4) % 7) + 7) % 7;
  const weeks = Math.ceil((cells.length + lead) / 7);
  const max = Math.max(1, ...cells.map((c) => c.count));
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  return (
    <svg className="stats-heatmap" viewBox={`0 0 ${weeks * CELL} ${7 * CELL}`} role="group" aria-label={label}>
      {cells.map((c, i) => {
        const k = i + lead;
        const name = cellLabel(c);
        return (
          <rect
            key={c.day}
            x={Math.floor(k / 7) * CELL + 1}
            y={(k % 7) * CELL + 1}
            width={CELL - 2}
            height={CELL - 2}
            rx={2}
            className={`heat-${level(c.count)}`}
            role="img"
            aria-label={name}
            data-date={c.date}
            data-count={c.count}
          >
            <title>{name}</title>
          </rect>
        );
      })}
    </svg>
  );
}
