import { z } from 'zod';

// Every request schema imports zod from here, so zod's own messages are Chinese wherever a schema loads (main,
// renderer, workers). Messages a schema states itself take precedence.
z.config(z.locales.zhCN());

export { z };
