// Interview readiness: the date, the predicted share of the scope recalled on it, what to study, and a study plan.
import { useMemo } from 'react';
import { dayKey } from '../../domain/day';
import { promptOf } from '../../domain/quiz/facts';
import type { QuizPrefs } from '../../domain/quiz/quiz-prefs';
import { interviewMoment, makePlan, predictReadiness, PLAN_MAX_PER_DAY } from '../../domain/quiz/readiness';
import type { SchedulerSettings } from '../../domain/scheduler';
import { schedulerAt, type Settings } from '../../domain/settings';
import type { CardRow } from '../../db/database';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { loadScopeCards } from '../../db/quiz-repo';
import { memoryOf } from '../../db/review-repo';
import { useSettings } from '../../db/react/use-settings';
import { useMessages } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { CardText } from '../../ui/card-text';
import { quizMessages } from './quiz-messages';

/** Cards listed under "what to study". */
const WEAKEST_SHOWN = 10;

interface Props {
  prefs: QuizPrefs;
  onChange(prefs: QuizPrefs): void;
  onStudyDay(day: string): void;
}

/** Each card with its own deck's preset's scheduling (parameters, desired retention), at the interview's moment. */
function useReadinessCards(rows: CardRow[] | null | undefined, at: Date | null, settings: Settings) {
  const when = at?.getTime() ?? null;
  return useMemo(() => {
    if (!rows) return null;
    const moment = new Date(when ?? Date.now());
    const byDeck = new Map<string, SchedulerSettings>();
    const of = (deckId: string) => {
      let s = byDeck.get(deckId);
      if (s === undefined) byDeck.set(deckId, (s = schedulerAt(settings, moment, deckId)));
      return s;
    };
    return rows.map((r) => ({ id: r.id, memory: memoryOf(r), settings: of(r.deckId) }));
  }, [rows, when, settings]);
}

export function ReadinessPanel({ prefs, onChange, onStudyDay }: Props) {
  const m = useMessages(quizMessages);
  const { settings } = useSettings();
  const now = useNow();
  const date = prefs.interviewDate;
  const at = date ? interviewMoment(date) : null;
  const future = at !== null && at.getTime() > now;
  const scopeKey = JSON.stringify(prefs.scope);
  const rows = useLiveQuery(
    () => (future ? loadScopeCards(db(), prefs.scope) : Promise.resolve(null)),
    [scopeKey, future],
  );
  const cards = useReadinessCards(rows, at, settings);
  const readiness = useMemo(
    () => (cards && at && future ? predictReadiness(cards, at, schedulerAt(settings, at)) : null),
    // `at` is derived from `date`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cards, date, future, settings],
  );
  const byId = useMemo(() => new Map(rows?.map((r) => [r.id, r]) ?? []), [rows]);
  const lang = settings.study.studyLang;
  const today = dayKey(new Date(now), settings.study.dayStartHour);
  const plan = prefs.plan;
  const planFits = plan !== null && plan.date === date && JSON.stringify(plan.scope) === scopeKey;

  const makeNewPlan = () => {
    if (!cards || !date) return;
    const made = makePlan(cards, {
      now: new Date(now),
      date,
      dayStartHour: settings.study.dayStartHour,
      settings: schedulerAt(settings, new Date(now)),
    });
    if (made) onChange({ ...prefs, plan: { ...made, scope: prefs.scope } });
  };

  return (
    <section className="quiz-readiness settings" aria-labelledby="quiz-ready-title">
      <h2 id="quiz-ready-title">{m('ready.heading')}</h2>
      <div className="quiz-inline">
        <label className="field">
          {m('ready.date')}
          <input
            type="date"
            value={date ?? ''}
            onChange={(e) => onChange({ ...prefs, interviewDate: e.target.value === '' ? null : e.target.value })}
          />
        </label>
        {date && (
          <button type="button" className="link" onClick={() => onChange({ ...prefs, interviewDate: null })}>
            {m('ready.clear')}
          </button>
        )}
      </div>
      {!date && <p className="help">{m('ready.none')}</p>}
      {date && at && !future && <p className="error">{m('ready.past')}</p>}
      {future && !readiness && <p>{m('ready.loading')}</p>}
      {readiness && date && (
        <>
          <p className="quiz-prediction" data-testid="quiz-prediction" role="status">
            {m('ready.share', { date, percent: Math.round(readiness.share * 100), n: readiness.cards.length })}
          </p>
          {readiness.cards.length > 0 && (
            <>
              <h3>{m('ready.weakest')}</h3>
              <ol className="quiz-weakest">
                {readiness.cards.slice(0, WEAKEST_SHOWN).map((c) => {
                  const row = byId.get(c.id);
                  return (
                    <li key={c.id} data-card-id={c.id}>
                      <span className="quiz-recall">{m('ready.recall', { percent: Math.round(c.r * 100) })}</span>{' '}
                      {row && <CardText inline text={promptOf(row.content)[lang]} lang={lang} />}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          {plan && !planFits && <p className="help">{m('ready.plan-stale')}</p>}
          <button type="button" onClick={makeNewPlan}>
            {planFits ? m('ready.remake-plan') : m('ready.make-plan')}
          </button>
          {planFits && plan && (
            <div className="quiz-plan">
              <h3>{m('ready.plan', { date: plan.date })}</h3>
              {plan.days.length === 0 ? (
                <p>{m('ready.plan-empty')}</p>
              ) : (
                <p>
                  {m('ready.plan-summary', {
                    from: Math.round(plan.share * 100),
                    to: Math.round(plan.projectedShare * 100),
                  })}
                </p>
              )}
              {plan.leftOut > 0 && (
                <p className="help">{m('ready.plan-left-out', { n: plan.leftOut, max: PLAN_MAX_PER_DAY })}</p>
              )}
              <ul>
                {plan.days.map((d) => (
                  <li key={d.day} data-day={d.day}>
                    {m('ready.plan-day', { day: d.day, n: d.cardIds.length })}{' '}
                    {d.day <= today && (
                      <button type="button" className="link" onClick={() => onStudyDay(d.day)}>
                        {m('ready.plan-study')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
