import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import { AppShell } from './AppShell';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}>
      <AntApp>
        {/* Hash routing: the UI is one file set served from app://, with no server to resolve paths. */}
        <HashRouter>
          <AppShell />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
