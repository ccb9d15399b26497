import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { partyOf, type ConflictParty, type PartyRoster } from './ConflictPartySelect';

/** null: the roster holds no such 执法证号 / code (shown as such, so the clerk removes it). */
type Known = Record<PartyRoster, Map<string, ConflictParty | null>>;

/** The key as the draw reads it: a code is compared trimmed and upper-case. */
export const partyKey = (roster: PartyRoster, key: string): string =>
  roster === 'entities' ? key.trim().toUpperCase() : key.trim();

/**
 * Who the 执法证号 and codes of the saved 回避关系 are, looked up once each in the rosters (a task has a handful); a party
 * picked on the page is remembered as it was picked.
 */
export function useConflictParties(wanted: Record<PartyRoster, string[]>) {
  const [known, setKnown] = useState<Known>({ inspectors: new Map(), entities: new Map() });
  const asked = useRef<Record<PartyRoster, Set<string>>>({ inspectors: new Set(), entities: new Set() });

  const remember = useCallback((roster: PartyRoster, key: string, party: ConflictParty | null) => {
    setKnown((prev) => ({ ...prev, [roster]: new Map(prev[roster]).set(partyKey(roster, key), party) }));
  }, []);

  const wantedKey = JSON.stringify(wanted);
  useEffect(() => {
    for (const roster of ['inspectors', 'entities'] as const) {
      for (const raw of wanted[roster]) {
        const key = partyKey(roster, raw);
        if (key === '' || asked.current[roster].has(key)) continue;
        asked.current[roster].add(key);
        const query = api()['roster:query'];
        query({ roster, search: key, pageSize: 10 })
          .then((page) => remember(roster, key, page.rows.map(partyOf).find((p) => p?.key === key) ?? null))
          .catch(() => asked.current[roster].delete(key));
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantedKey, remember]);

  const lookup = (roster: PartyRoster, key: string): ConflictParty | null | undefined =>
    known[roster].get(partyKey(roster, key));
  return { lookup, remember };
}
