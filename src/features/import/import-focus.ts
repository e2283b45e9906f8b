// Moves keyboard focus to a step's heading when the step appears, so screen readers announce it and Tab starts there.
import { useEffect, useRef } from 'react';

export function useFocusHeading<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
