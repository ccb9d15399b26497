import { protocol } from 'electron';
import { APP_SCHEME, appResponse } from './serving';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` under app://ssj/. Any path that escapes the folder
 * (../, encoded or not) is refused: the protocol is the only door to the disk the UI has.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
