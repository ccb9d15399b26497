import { useState } from 'react';
import { Card, Space } from 'antd';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { CommitmentCard, VoidDrawModal, VoidedAttemptsCard } from './DrawRecordCards';
import { DrawStepCard } from './DrawStepCard';
import { DrawTaskCard } from './DrawTaskCard';
import { PreparationView } from './PreparationView';
import { ResultView } from './ResultView';
import { RevealControls } from './RevealControls';
import { useDrawActions } from './useDrawActions';
import { useDrawExports } from './useDrawExports';
import { useDrawProgress } from './useDrawProgress';
import { WitnessPanel } from './WitnessPanel';
import { dateTimeText } from '../../components/dateTime';

const PACKAGE_PAGE_SIZE = 20;

/**
 * The draw of one task, step by step (准备 → 承诺 → 见证 → 揭晓 → 封存), with the projector window, 作废 with a reason,
 * 递补 after sealing, and the exports (proof + offline verify page, the record's two parts as PDF).
 */
export function DrawPanel({ task, onChanged }: { task: TaskView; onChanged: () => void }) {
  const [version, setVersion] = useState(0);
  const [packagePage, setPackagePage] = useState(1);
  const { data: draw, error: loadError } = useApiCall(
    () => api()['draws:get']({ taskId: task.id, packagePage, packagePageSize: PACKAGE_PAGE_SIZE }),
    [task.id, packagePage, version],
  );
  const reload = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const actions = useDrawActions(task, draw, reload);
  const progress = useDrawProgress(task.id, actions.longStep !== null);
  const drawFiles = useDrawExports(task, draw);
  const { current, busy } = actions;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="draw-panel">
      <DrawTaskCard
        task={task}
        draw={draw}
        canVoid={!!current && current.state !== 'sealed'}
        busy={busy}
        onProjector={drawFiles.openProjector}
        onVoid={actions.startVoid}
      />
      <DrawStepCard
        draw={draw}
        loadError={loadError}
        actions={actions}
        progress={progress}
        files={{
          exportProof: drawFiles.exportProof,
          exportResult: () => drawFiles.exportRecord('result'),
          exportList: drawFiles.exportList,
        }}
      />

      {/* The result first once there is one: it is what the room waits for. */}
      {(draw?.state === 'revealed' || draw?.state === 'sealed') && <RevealControls taskId={task.id} />}
      {draw?.reveal && (
        <Card size="small" title={`抽取结果（${draw.packageCount} 个名单包）`}>
          <ResultView draw={draw} page={packagePage} onPage={setPackagePage} onAmended={reload} busy={busy} />
        </Card>
      )}
      {draw && (
        <Card
          size="small"
          title={`准备结果（第 ${draw.attempt} 次抽取 · ${draw.preparedBy} 于 ${dateTimeText(draw.preparedAt)}）`}
        >
          <PreparationView draw={draw} />
        </Card>
      )}
      {draw?.commit && (
        <CommitmentCard draw={draw} commit={draw.commit} onExport={() => drawFiles.exportRecord('commit')} />
      )}
      {draw?.commit && (
        <Card size="small" title="见证" data-testid="draw-witnesses">
          <WitnessPanel draw={draw} onAdded={reload} disabled={busy} />
        </Card>
      )}
      {draw && draw.voidedAttempts.length > 0 && <VoidedAttemptsCard draw={draw} />}
      <VoidDrawModal actions={actions} />
    </Space>
  );
}
