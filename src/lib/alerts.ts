// App-wide messages the user must see (storage full, database blocked or upgraded elsewhere, failed writes).
import { createStore } from 'zustand/vanilla';

export interface Alert {
  id: number;
  kind: 'error' | 'warning' | 'info';
  message: string;
  /** An action the message offers, e.g. reload. */
  action?: 'reload';
}

interface AlertState {
  alerts: Alert[];
}

export const alertStore = createStore<AlertState>(() => ({ alerts: [] }));
let next = 1;

export function pushAlert(alert: Omit<Alert, 'id'>): void {
  const { alerts } = alertStore.getState();
  // The same message twice would only be noise.
  if (alerts.some((a) => a.message === alert.message)) return;
  alertStore.setState({ alerts: [...alerts, { ...alert, id: next++ }] });
}

export function dismissAlert(id: number): void {
  alertStore.setState({ alerts: alertStore.getState().alerts.filter((a) => a.id !== id) });
}
