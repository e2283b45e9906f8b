// The app shell: loads the built-in decks, picks the screen from the URL, and wraps it in language and alerts.
import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { db, reportStorageError } from '../db/connection';
import { useLiveQuery } from '../db/react/live';
import { getDeck } from '../db/deck-repo';
import { SettingsProvider, useSettings } from '../db/react/use-settings';
import { pushAlert } from '../lib/alerts';
import { clock } from '../lib/clock';
import { I18nProvider, translate, useMessages, useT, useUiLang, type UiLang } from '../lib/i18n';
import { LibraryScreen } from '../features/library/library-screen';
import { ReviewToolsContext, type ReviewCardTools } from '../features/review/card-tools';
import { quizNavMessages } from '../features/quiz/quiz-nav-messages';
import { browseNavMessages } from '../features/browse/browse-nav-messages';
import { statsNavMessages } from '../features/stats/stats-nav-messages';
import { libraryMessages } from '../features/library/library-messages';
import { AlertBar } from '../ui/alert-bar';
import { applyDocumentLang, rememberedUiLang, rememberUiLang } from './document-lang';
import { applyDocumentTheme, rememberTheme } from './document-theme';
import { useAskPersistence, WORK_SCREENS } from './pwa-persist';
import { useAutoBackupAtStart } from './auto-backup-start';
import { PwaUpdatePrompt } from './pwa-update';
import { href, useHashRoute } from './routes';

// The start page (the library) comes with the app's first script; every other screen loads when first opened, so
// that the first screen does not wait for the Markdown renderer, the sanitiser and the schemas it does not use.
// vite-plugin-pwa precaches every chunk, so each still opens with no network after one visit.
const ReviewScreen = lazy(() => import('../features/review/review-screen').then((m) => ({ default: m.ReviewScreen })));
const CardListReview = lazy(() =>
  import('../features/review/card-list-review').then((m) => ({ default: m.CardListReview })),
);
const SettingsScreen = lazy(() =>
  import('../features/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
);
// The quiz (its generator and schemas) loads when first opened, not with the review screen.
const QuizScreen = lazy(() => import('../features/quiz/quiz-screen').then((m) => ({ default: m.QuizScreen })));
// Import, export and backup load when opened: parsers, sql.js, gzip and their schemas stay out of the review screen.
const ImportScreen = lazy(() => import('../features/import/import-screen').then((m) => ({ default: m.ImportScreen })));
const DeckPage = lazy(() => import('../features/library/deck-page').then((m) => ({ default: m.DeckPage })));
// The card editor, handed to the deck page (features do not import each other); it loads when first opened.
const CardEditor = lazy(() => import('../features/browse/card-editor').then((m) => ({ default: m.CardEditor })));
// The editor and the info panel of the card on screen in a review (E and I), handed to the review the same way.
const reviewTools: ReviewCardTools = {
  Editor: lazy(() => import('../features/browse/card-tools').then((m) => ({ default: m.StudyCardEditor }))),
  Info: lazy(() => import('../features/browse/card-tools').then((m) => ({ default: m.StudyCardInfo }))),
};
// Custom study (its screen and the repository that picks its cards) loads when first opened.
const CustomStudyScreen = lazy(() =>
  import('../features/review/custom-study-screen').then((m) => ({ default: m.CustomStudyScreen })),
);
const BackupScreen = lazy(() => import('../features/backup/backup-screen').then((m) => ({ default: m.BackupScreen })));
const StatsScreen = lazy(() => import('../features/stats/stats-screen').then((m) => ({ default: m.StatsScreen })));
// The card browser (the search language, the virtual table) loads when first opened.
const BrowseScreen = lazy(() => import('../features/browse/browse-screen').then((m) => ({ default: m.BrowseScreen })));
const BackupReminderBanner = lazy(() =>
  import('../features/backup/backup-reminder').then((m) => ({ default: m.BackupReminderBanner })),
);
const AutoBackupPrompt = lazy(() =>
  import('../features/backup/auto-backup-prompt').then((m) => ({ default: m.AutoBackupPrompt })),
);
const links = {
  study: (deckId: string) => href({ name: 'review', deckId }),
  deck: (deckId: string) => href({ name: 'deck', deckId }),
  attempt: (attemptId: string) => href({ name: 'quiz', attemptId }),
  library: href({ name: 'library' }),
  import: href({ name: 'import' }),
  backup: href({ name: 'backup' }),
};

/**
 * Resolves once the first screen is drawn (the frame after the next one has begun): a first visit's big downloads (the
 * built-in decks' files, their worker) then start after the page is on screen, not before it, on a slow phone network.
 */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Loads changed built-in decks once per page load; the library shows what is stored meanwhile. */
function useBuiltinDecks(): boolean {
  const [ready, setReady] = useState(false);
  // The language when the report comes, not when the load started.
  const uiLang = useUiLang();
  const lang = useRef<UiLang>(uiLang);
  lang.current = uiLang;
  useEffect(() => {
    let live = true;
    afterFirstPaint()
      .then(() => import('../features/library/builtin-sync'))
      .then(({ syncBuiltinDecks }) => syncBuiltinDecks(clock.ms()))
      .then((reports) => {
        for (const r of reports)
          if (r.error)
            pushAlert({
              kind: 'error',
              message: translate(lang.current, 'alert.deck-load-failed', { detail: r.error[lang.current] }),
            });
      })
      .catch(reportStorageError)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

export function App() {
  return (
    <SettingsProvider>
      <Localized />
    </SettingsProvider>
  );
}

/**
 * No interface text is rendered until the stored settings are read, so that a Chinese user never sees English first;
 * only alerts (a database blocked by another tab would otherwise leave an empty page) show before, in the language
 * of the last visit.
 */
function Localized() {
  const { settings, loaded, failed } = useSettings();
  const [remembered] = useState(rememberedUiLang);
  const lang = loaded ? settings.study.uiLang : (remembered ?? 'en');
  useLayoutEffect(() => {
    applyDocumentLang(lang);
    if (loaded) rememberUiLang(lang);
  }, [lang, loaded]);
  // Until the settings are read, the theme main.tsx put on <html> (the last visit's) stays.
  const theme = loaded ? settings.study.theme : null;
  useLayoutEffect(() => {
    if (!theme) return;
    applyDocumentTheme(theme);
    rememberTheme(theme);
  }, [theme]);
  return (
    <I18nProvider lang={lang}>
      <ReviewToolsContext.Provider value={reviewTools}>
        {loaded || failed ? <Shell /> : <AlertBar />}
      </ReviewToolsContext.Provider>
    </I18nProvider>
  );
}

/** The statistics page's entry in the main navigation. */
function StatsNavLink({ current }: { current: boolean }) {
  const st = useMessages(statsNavMessages);
  return (
    <a href={href({ name: 'stats' })} aria-current={current ? 'page' : undefined}>
      {st('nav.stats')}
    </a>
  );
}

function Shell() {
  const t = useT();
  const qt = useMessages(quizNavMessages);
  const lt = useMessages(libraryMessages);
  const bt = useMessages(browseNavMessages);
  const [route, go] = useHashRoute();
  const decksReady = useBuiltinDecks();
  useAskPersistence(route.name);
  // The study day's automatic backup, once the start page is up and the browser idle.
  useAutoBackupAtStart(decksReady);
  const { settings } = useSettings();
  const deckId = route.name === 'review' ? route.deckId : null;
  // The live query sees built-in decks arrive by itself; keeping the last result for the same deck id means the
  // review screen is never unmounted (and its session lost) while the query re-runs.
  const deck = useLiveQuery(() => (deckId ? getDeck(db(), deckId) : Promise.resolve(undefined)), [deckId], deckId);

  return (
    <div className="app" data-ready={decksReady}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <a className="brand" href={links.library}>
          {t('app.title')}
        </a>
        <nav aria-label={t('nav.label')}>
          <a href={links.library} aria-current={route.name === 'library' ? 'page' : undefined}>
            {t('nav.library')}
          </a>
          <a href={href({ name: 'quiz', attemptId: null })} aria-current={route.name === 'quiz' ? 'page' : undefined}>
            {qt('nav.quiz')}
          </a>
          <a href={href({ name: 'browse' })} aria-current={route.name === 'browse' ? 'page' : undefined}>
            {bt('nav.browse')}
          </a>
          <StatsNavLink current={route.name === 'stats'} />
          <a href={links.import} aria-current={route.name === 'import' ? 'page' : undefined}>
            {lt('nav.import')}
          </a>
          <a href={links.backup} aria-current={route.name === 'backup' ? 'page' : undefined}>
            {lt('nav.backup')}
          </a>
          <a href={href({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            {t('nav.settings')}
          </a>
        </nav>
      </header>
      <AlertBar />
      {/* A new version waits while a review, quiz or import is on screen. */}
      <PwaUpdatePrompt hold={WORK_SCREENS.has(route.name)} />
      <main id="main">
        {/* Every screen but the library loads when first opened (see the lazy imports above). */}
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          {route.name === 'library' && (
            <LibraryScreen
              links={links}
              reminder={
                <>
                  <BackupReminderBanner backupHref={links.backup} />
                  <AutoBackupPrompt backupHref={links.backup} />
                </>
              }
              storing={!decksReady}
              onStudy={(id) => go({ name: 'review', deckId: id })}
            />
          )}
          {route.name === 'settings' && <SettingsScreen key={route.preset ?? ''} preset={route.preset} />}
          {route.name === 'review' && deck && (
            <ReviewScreen
              key={deck.id}
              deckId={deck.id}
              deckTitle={deck.title[settings.study.uiLang]}
              onExit={() => go({ name: 'library' })}
            />
          )}
          {route.name === 'review' && !deck && decksReady && <p>{t('review.nothing')}</p>}
          {route.name === 'quiz' && (
            <QuizScreen
              attemptId={route.attemptId}
              attemptHref={links.attempt}
              onOpenAttempt={(id) => go({ name: 'quiz', attemptId: id })}
              onHome={() => go({ name: 'quiz', attemptId: null })}
              onReviewMistakes={(id) => go({ name: 'card-list', source: 'mistakes', key: id })}
              onStudyPlanDay={(day) => go({ name: 'card-list', source: 'plan', key: day })}
            />
          )}
          {route.name === 'card-list' && (
            <CardListReview
              key={`${route.source}/${route.key}`}
              source={route.source}
              listKey={route.key}
              onExit={() => go({ name: 'quiz', attemptId: route.source === 'mistakes' ? route.key : null })}
            />
          )}
          {route.name === 'browse' && <BrowseScreen />}
          {route.name === 'stats' && <StatsScreen />}
          {route.name === 'import' && <ImportScreen links={links} />}
          {route.name === 'deck' && (
            <DeckPage
              key={route.deckId}
              deckId={route.deckId}
              studyHref={links.study(route.deckId)}
              customHref={href({ name: 'custom', deckId: route.deckId })}
              libraryHref={links.library}
              presetHref={(preset) => href({ name: 'settings', preset })}
              editor={CardEditor}
            />
          )}
          {route.name === 'backup' && <BackupScreen libraryHref={links.library} />}
          {route.name === 'custom' && (
            <CustomStudyScreen deckId={route.deckId} onExit={() => go({ name: 'deck', deckId: route.deckId })} />
          )}
        </Suspense>
      </main>
    </div>
  );
}
