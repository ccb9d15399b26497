import type { DrawRow } from './views';

/** Where the draw was held and who ran it, as 承诺 recorded them ('' before then): the page and the proof show them. */
export function ceremonyOf(draw: Pick<DrawRow, 'place' | 'operator' | 'supervisor'>) {
  return { place: draw.place ?? '', operator: draw.operator ?? '', supervisor: draw.supervisor ?? '' };
}
