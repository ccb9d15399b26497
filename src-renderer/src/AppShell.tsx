import { Layout, Menu, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { PlannedPage } from './components/PlannedPage';
import { ROUTES } from './routes';
import { UserBadge } from './features/users/UserBadge';

const { Sider, Header, Content } = Layout;

/** The window's frame: product name, the left navigation of every workflow, and the current page. */
export function AppShell() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = ROUTES.find((r) => r.path === location.pathname) ?? ROUTES[0];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={220} theme="dark" data-testid="nav">
        {/* Sticky: the navigation stays in view while a long page scrolls; the dark column runs the full height. */}
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
          <div style={{ color: '#fff', fontSize: 17, fontWeight: 600, padding: '18px 16px', lineHeight: 1.4 }}>
            双随机一公开
            <br />
            监管工作台
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[current.path]}
            items={ROUTES.map((r) => ({ key: r.path, icon: r.icon, label: r.label }))}
            onClick={({ key }) => navigate(key)}
          />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            borderBottom: '1px solid #e8e8e8',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
          }}
        >
          <Typography.Title level={4} style={{ margin: '16px 0' }} data-testid="page-title">
            {current.label}
          </Typography.Title>
          <UserBadge />
        </Header>
        <Content style={{ padding: 24 }}>
          <Routes>
            {ROUTES.map((r) => (
              <Route
                key={r.path}
                path={r.path}
                element={r.element ?? <PlannedPage title={r.label} planned={r.planned ?? []} />}
              />
            ))}
          </Routes>
        </Content>
      </Layout>
    </Layout>
  );
}
