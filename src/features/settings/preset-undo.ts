// The last saved change of the presets, kept while the app is open so that it can be undone (also after leaving the
// settings screen and coming back).
import { createStore } from 'zustand/vanilla';
import type { PresetSave } from '../../db/preset-repo';

export const presetUndo = createStore<{ last: PresetSave | null }>(() => ({ last: null }));
