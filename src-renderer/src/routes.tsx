import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  FileExcelOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { AuditPage } from './features/audit/AuditPage';
import { EntitiesPage } from './features/rosters/entities/EntitiesPage';
import { InspectorsPage } from './features/rosters/inspectors/InspectorsPage';
import { ItemsPage } from './features/items/ItemsPage';
import { HomePage } from './features/home/HomePage';
import { SettingsPage } from './features/settings/SettingsPage';
import { CeremonyPage } from './features/draws/ceremony/CeremonyPage';
import { DrawPage } from './features/draws/DrawPage';
import { PlansPage } from './features/plans/PlansPage';
import { SheetsPage } from './features/sheets/SheetsPage';
import { FollowUpsPage } from './features/follow-ups/FollowUpsPage';
import { ResultsPage } from './features/results/ResultsPage';
import { DisclosurePage } from './features/disclosure/DisclosurePage';
import { StatsPage } from './features/stats/StatsPage';
import { PublishPage } from './features/publish/PublishPage';

export interface AppRoute {
  path: string;
  label: string;
  icon: ReactNode;
  /** The page, once the workflow is built. */
  element?: ReactNode;
  /** Until then: what the page will hold, shown to the user as a clear placeholder. */
  planned?: string[];
}

/** Every workflow of the product, in the order a year's work runs. The left navigation is built from this. */
export const ROUTES: AppRoute[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: <HomePage /> },
  { path: '/items', label: '检查事项清单', icon: <ProfileOutlined />, element: <ItemsPage /> },
  { path: '/entities', label: '检查对象名录库', icon: <ShopOutlined />, element: <EntitiesPage /> },
  { path: '/inspectors', label: '执法检查人员名录库', icon: <TeamOutlined />, element: <InspectorsPage /> },
  { path: '/plans', label: '年度抽查计划', icon: <CalendarOutlined />, element: <PlansPage /> },
  { path: '/draw', label: '随机抽取', icon: <ThunderboltOutlined />, element: <DrawPage /> },
  { path: '/sheets', label: '一户一表', icon: <FileExcelOutlined />, element: <SheetsPage /> },
  { path: '/results', label: '检查结果录入', icon: <FormOutlined />, element: <ResultsPage /> },
  { path: '/follow-ups', label: '后续处置', icon: <CarryOutOutlined />, element: <FollowUpsPage /> },
  { path: '/disclosure', label: '信息公示', icon: <NotificationOutlined />, element: <DisclosurePage /> },
  { path: '/publish', label: '公示包', icon: <CloudUploadOutlined />, element: <PublishPage /> },
  { path: '/stats', label: '统计分析', icon: <BarChartOutlined />, element: <StatsPage /> },
  { path: '/audit', label: '操作日志', icon: <AuditOutlined />, element: <AuditPage /> },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, element: <SettingsPage /> },
];

/**
 * Pages shown WITHOUT the app's frame (no navigation, no header): the projector window of a draw. main.tsx routes
 * these before the shell.
 */
export const BARE_ROUTES: { path: string; element: ReactNode }[] = [
  { path: '/ceremony/:taskId', element: <CeremonyPage /> },
];
