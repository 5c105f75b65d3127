/**
 * The user list of an agency filter plus the agencies in scope, shared by
 * 用户管理 and 角色分配: one loading path, one error path, and in-place
 * replacement of a user the server returned after an action.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, query } from '../api/client.js';
import type { Agency, User } from '../api/types.js';

export function useUserDirectory() {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [agencyId, setAgencyId] = useState<string | undefined>(undefined);
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setUsers((await api.get<{ items: User[] }>(`/users${query({ agencyId })}`)).items);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [agencyId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    api
      .get<{ items: Agency[] }>('/agencies')
      .then(({ items }) => setAgencies(items))
      .catch(() => setAgencies([]));
  }, []);

  const replace = useCallback((u: User) => setUsers((list) => list.map((x) => (x.id === u.id ? u : x))), []);

  return { agencies, agencyId, setAgencyId, users, loading, error, reload, replace };
}
