// Past quizzes: a small SVG trend of scores (described for screen readers) and a table linking to each result.
import type { QuizScope } from '../../domain/quiz/quiz-schema';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { listDecks } from '../../db/deck-repo';
import { listAttempts } from '../../db/quiz-repo';
import { localeTag, useMessages, useUiLang } from '../../lib/i18n';
import { quizMessages } from './quiz-messages';

const W = 320;
const H = 80;
const PAD = 6;
/** The trend shows the latest attempts; the table lists them all. */
const TREND_POINTS = 20;

type M = ReturnType<typeof useMessages<keyof (typeof quizMessages)['en']>>;

/** `title` names a deck in the interface language (its id, once the deck is gone). */
export function scopeLabel(m: M, scope: QuizScope, title: (deckId: string) => string): string {
  if (scope.kind === 'studied') return m('scope.studied');
  if (scope.kind === 'decks') return m('scope.decks', { list: scope.deckIds.map(title).join(', ') });
  return m('scope.tags', { list: scope.tags.join(', ') });
}

function Trend({ shares, label }: { shares: number[]; label: string }) {
  const step = shares.length > 1 ? (W - 2 * PAD) / (shares.length - 1) : 0;
  const pts = shares.map((s, i) => [PAD + i * step, H - PAD - s * (H - 2 * PAD)] as const);
  return (
    <svg className="quiz-trend" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width={W} height={H}>
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="axis" />
      <line x1={PAD} x2={W - PAD} y1={PAD} y2={PAD} className="axis faint" />
      {pts.length > 1 && <polyline points={pts.map(([x, y]) => `${x},${y}`).join(' ')} />}
      {pts.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={3} />
      ))}
    </svg>
  );
}

export function QuizHistory({ attemptHref, onOpen }: { attemptHref(id: string): string; onOpen(id: string): void }) {
  const m = useMessages(quizMessages);
  const lang = useUiLang();
  const attempts = useLiveQuery(() => listAttempts(db()), []);
  const decks = useLiveQuery(() => listDecks(db()), []);
  if (attempts === undefined || decks === undefined) return null;
  const titles = new Map(decks.map((d) => [d.id, d.title[lang]]));
  const fmt = new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const shares = attempts.map((a) => (a.total === 0 ? 0 : a.score / a.total));
  const recent = shares.slice(-TREND_POINTS);
  return (
    <section className="quiz-history" aria-labelledby="quiz-history-title">
      <h2 id="quiz-history-title">{m('history.heading')}</h2>
      {attempts.length === 0 && <p>{m('history.empty')}</p>}
      {attempts.length > 0 && (
        <>
          <Trend
            shares={recent}
            label={m('history.trend', { values: recent.map((s) => `${Math.round(s * 100)}%`).join(', ') })}
          />
          <table className="quiz-table">
            <thead>
              <tr>
                <th scope="col">{m('history.col-date')}</th>
                <th scope="col">{m('history.col-scope')}</th>
                <th scope="col">{m('history.col-score')}</th>
              </tr>
            </thead>
            <tbody>
              {[...attempts].reverse().map((a) => {
                const date = fmt.format(new Date(a.startedAt));
                return (
                  <tr key={a.id} data-attempt-id={a.id}>
                    <td>
                      <a
                        href={attemptHref(a.id)}
                        aria-label={m('history.open', { date })}
                        onClick={(e) => {
                          e.preventDefault();
                          onOpen(a.id);
                        }}
                      >
                        {date}
                      </a>
                    </td>
                    <td>{scopeLabel(m, a.scope.config.scope, (id) => titles.get(id) ?? id)}</td>
                    <td>
                      {Math.round((a.total === 0 ? 0 : a.score / a.total) * 100)}% ({Math.round(a.score * 100) / 100}/
                      {a.total})
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
