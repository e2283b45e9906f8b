// The current time as React state: it ticks at a given moment (the next learning card's due) or every minute,
// so cards that fall due while the page is open appear without a reload.
import { useEffect, useState } from 'react';
import { clock } from './clock';

const MAX_WAIT = 60_000;

export function useNow(wakeAt: number | null = null): number {
  const [now, setNow] = useState(() => clock.ms());
  useEffect(() => {
    const wait = wakeAt === null ? MAX_WAIT : Math.min(MAX_WAIT, Math.max(50, wakeAt - clock.ms() + 20));
    const timer = setTimeout(() => setNow(clock.ms()), wait);
    const wake = () => {
      if (document.visibilityState === 'visible') setNow(clock.ms());
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('focus', wake);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('focus', wake);
    };
  }, [now, wakeAt]);
  return now;
}
