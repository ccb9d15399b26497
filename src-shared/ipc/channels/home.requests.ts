import type { z } from 'zod';
import type { HomeChannel } from './home';
import { empty } from './fields';

export const homeRequests = {
  'home:attention': empty,
} satisfies Record<HomeChannel, z.ZodType>;
