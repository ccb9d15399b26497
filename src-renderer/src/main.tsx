import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/reset.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { BARE_ROUTES } from './routes';
import { SessionGate } from './features/users/session';

dayjs.locale('zh-cn');

// A system set to reduce motion gets none from Ant Design either (and the tests screenshot settled pages).
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4, motion: !reduceMotion } }}
    >
      <AntApp>
        {/* Hash routing: the UI is one file set served from app://, with no server to resolve paths. */}
        <HashRouter>
          {/* The projector's ceremony view has no frame (routes.tsx BARE_ROUTES); everything else is in the shell. */}
          <Routes>
            {BARE_ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route
              path="*"
              element={
                <SessionGate>
                  <AppShell />
                </SessionGate>
              }
            />
          </Routes>
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
