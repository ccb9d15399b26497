import { useState } from 'react';
import { Tabs } from 'antd';
import { RosterView } from '../view/RosterView';
import type { RosterConfig, RosterRow } from '../view/types';
import { ImportActions } from '../import/ImportActions';
import { EXPERT_CONFIG, INSPECTOR_CONFIG } from './inspectorConfig';

/** 执法检查人员名录库, with the 专家库 as a second tab. */
export function InspectorsPage() {
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const tab = <R extends RosterRow>(label: string, config: RosterConfig<R>) => ({
    key: config.roster,
    label,
    children: (
      <RosterView
        config={config}
        version={version}
        actions={<ImportActions kind={config.roster} onImported={bump} />}
      />
    ),
  });
  return <Tabs destroyOnHidden items={[tab('执法检查人员', INSPECTOR_CONFIG), tab('专家库', EXPERT_CONFIG)]} />;
}
