// Editing the card on screen (E) and its info (I) during a review, as Anki's: the editor and the info panel are the
// browse feature's, which the shell hands in through ReviewToolsContext (features do not import each other). Each
// opens in a modal dialog over the session; while it is open the review's keys do nothing (use-review-keys.ts).
import { createContext, Suspense, useContext, type ComponentType } from 'react';
import { defineMessages, useMessages } from '../../lib/i18n';
import { ModalDialog } from '../../ui/modal-dialog';

export interface ReviewCardTools {
  /** The editor of the card a study card was made from; `onSaved` gets what the save did, in words. */
  Editor: ComponentType<{ cardId: string; onSaved(summary: string): void; onCancel(): void }>;
  /** The card's fields, source, review history and forgetting curve. */
  Info: ComponentType<{ cardId: string }>;
}

/** The tools the shell gives the review; without them (a test, a screen that has none) E and I do nothing. */
export const ReviewToolsContext = createContext<ReviewCardTools | null>(null);

export const useReviewTools = () => useContext(ReviewToolsContext);

export type ToolKind = 'edit' | 'info';

/** Which tool is open on which card. */
export interface OpenTool {
  kind: ToolKind;
  cardId: string;
}

export const cardToolMessages = defineMessages(
  {
    edit: 'Edit',
    info: 'Card info',
    'edit.title': 'Edit card',
    'info.title': 'Card info',
    close: 'Close',
    loading: 'Loading…',
  },
  {
    edit: '编辑',
    info: '卡片信息',
    'edit.title': '编辑卡片',
    'info.title': '卡片信息',
    close: '关闭',
    loading: '正在加载…',
  },
);

export function CardToolDialog({
  tools,
  open,
  onSaved,
  onClose,
}: {
  tools: ReviewCardTools;
  open: OpenTool;
  onSaved(summary: string): void;
  onClose(): void;
}) {
  const m = useMessages(cardToolMessages);
  const { Editor, Info } = tools;
  return (
    <ModalDialog
      label={m(open.kind === 'edit' ? 'edit.title' : 'info.title')}
      className={`card-tool card-tool-${open.kind}`}
      onEscape={onClose}
    >
      {open.kind === 'edit' ? (
        <Suspense fallback={<p>{m('loading')}</p>}>
          <Editor cardId={open.cardId} onSaved={onSaved} onCancel={onClose} />
        </Suspense>
      ) : (
        <>
          <Suspense fallback={<p>{m('loading')}</p>}>
            <Info cardId={open.cardId} />
          </Suspense>
          <div className="dialog-actions">
            <button type="button" onClick={onClose} data-autofocus>
              {m('close')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
