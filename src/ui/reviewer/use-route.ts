import { useCallback, useEffect, useState } from "react";

/** `#/requests/<id>` shows one request; anything else the queue (hash routing: Office nulls history.pushState). */
export function useRoute(): [string | undefined, (id: string | undefined) => void] {
  const read = () => /^#\/requests\/([A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
  const [id, setId] = useState<string | undefined>(read);
  useEffect(() => {
    const update = () => setId(read());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  const go = useCallback((next: string | undefined) => {
    window.location.hash = next ? `#/requests/${next}` : "#/";
  }, []);
  return [id, go];
}
