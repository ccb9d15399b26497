import type { Channel, Res } from '@shared/ipc/contract';
import type { ParsedReq } from '@shared/ipc/schemas';
import type { Services } from '../../app/services';

/** One function per channel of a domain: takes the parsed request, answers the channel's response. */
export type HandlersFor<C extends Channel> = { [K in C]: (req: ParsedReq<K>) => Promise<Res<K>> | Res<K> };

export type { Services };
