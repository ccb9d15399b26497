import { useState } from 'react';
import { Tabs } from 'antd';
import { RosterView } from '../view/RosterView';
import { ImportActions } from '../import/ImportActions';
import { EXPERT_CONFIG, INSPECTOR_CONFIG } from './inspectorConfig';

/** 执法检查人员名录库, with the 专家库 as a second tab. */
export function InspectorsPage() {
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <Tabs
      destroyOnHidden
      items={[
        {
          key: 'inspectors',
          label: '执法检查人员',
          children: (
            <RosterView
              config={INSPECTOR_CONFIG}
              version={version}
              actions={<ImportActions kind="inspectors" onImported={bump} />}
            />
          ),
        },
        {
          key: 'experts',
          label: '专家库',
          children: (
            <RosterView
              config={EXPERT_CONFIG}
              version={version}
              actions={<ImportActions kind="experts" onImported={bump} />}
            />
          ),
        },
      ]}
    />
  );
}
