import { useCallback, useEffect, useMemo, useState } from "react";
import type { ReviewClient } from "./review-api";

export const TOKEN_KEY = "sendguard.reviewer-token";

/**
 * Who is signed in on a page or pane. The token is kept for this browser tab only
 * (sessionStorage) and checked with the server when the page opens; a token the server
 * no longer accepts is forgotten.
 */
export function useSignedInUser(api: ReviewClient) {
  const [me, setMe] = useState<string | null>(null);
  const [admin, setAdmin] = useState(false);
  const storage = useMemo(() => {
    try {
      return window.sessionStorage;
    } catch {
      return undefined;
    }
  }, []);

  const adopt = useCallback(async () => {
    const session = await api.session();
    if (!session.user) throw new Error("not signed in");
    setMe(session.user.email);
    setAdmin(session.user.admin);
  }, [api]);

  useEffect(() => {
    const saved = storage?.getItem(TOKEN_KEY) ?? undefined;
    if (!saved) return;
    api.useToken(saved);
    adopt().catch(() => {
      api.useToken(undefined);
      storage?.removeItem(TOKEN_KEY);
    });
  }, [api, adopt, storage]);

  const signedIn = useCallback(() => {
    const token = api.currentToken;
    if (token) storage?.setItem(TOKEN_KEY, token);
    void adopt();
  }, [api, adopt, storage]);

  const signOut = useCallback(() => {
    api.useToken(undefined);
    storage?.removeItem(TOKEN_KEY);
    setMe(null);
    setAdmin(false);
  }, [api, storage]);

  return { me, admin, signedIn, signOut };
}
