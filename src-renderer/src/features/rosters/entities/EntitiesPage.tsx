import { useState } from 'react';
import { RosterView } from '../view/RosterView';
import { ImportActions } from '../import/ImportActions';
import { ENTITY_CONFIG } from './entityConfig';

/** 检查对象名录库: the market entities a task draws from. */
export function EntitiesPage() {
  const [version, setVersion] = useState(0);
  return (
    <RosterView
      config={ENTITY_CONFIG}
      version={version}
      actions={<ImportActions kind="entities" onImported={() => setVersion((v) => v + 1)} />}
    />
  );
}
