import { App } from 'antd';
import { proofFileName, type DrawView } from '@shared/domain/draws';
import type { TaskView } from '@shared/domain/tasks';
import { api } from '../../api';
import { errorText, saveThroughDialog } from '../../components/files';

/** The projector window and the draw's exports (proof with its verify page, the record's two parts, the teams' list). */
export function useDrawExports(task: TaskView, draw: DrawView | null | undefined) {
  const { message, modal } = App.useApp();
  const current = draw && draw.state !== 'voided' ? draw : null;

  async function openProjector() {
    try {
      const info = await api()['ceremony:open']({ taskId: task.id });
      message.success(
        info.fullScreen
          ? '投影画面已在第二个显示器上全屏打开'
          : '投影画面已在新窗口中打开（未检测到第二个显示器，可将窗口拖到投影仪上）',
      );
    } catch (e) {
      message.error(errorText(e));
    }
  }

  /** Whether to save the offline verify page beside the proof: asked, never assumed. */
  const askVerifyPage = () =>
    new Promise<boolean>((resolve) =>
      modal.confirm({
        title: '同时保存离线验证页？',
        content: '离线验证页（HTML）将保存在抽取记录所在的文件夹，可用任何浏览器打开，核对抽取结果。',
        okText: '一并保存',
        cancelText: '只导出抽取记录',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );

  async function exportProof() {
    try {
      const verifyPage = await askVerifyPage();
      const done = await saveThroughDialog('proof', proofFileName(task.number), (fileToken) =>
        api()['draws:export-proof']({ drawId: current!.id, fileToken, verifyPage }),
      );
      if (done)
        message.success(
          done.verifyPage
            ? `已导出 ${done.fileName}，离线验证页 ${done.verifyPage} 在同一文件夹`
            : `已导出 ${done.fileName}`,
        );
    } catch (e) {
      message.error(errorText(e));
    }
  }

  async function exportRecord(part: 'commit' | 'result') {
    const label = part === 'commit' ? '第一部分（承诺）' : '第二部分（结果）';
    try {
      const done = await saveThroughDialog('record', `${task.number}-随机抽取情况记录表${label}.pdf`, (fileToken) =>
        api()['draws:export-record']({ drawId: draw!.id, part, fileToken }),
      );
      if (done) message.success(`已导出记录表${label}：${done.fileName}`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  async function exportList() {
    try {
      const done = await saveThroughDialog('draw-list', `${task.number}-抽取名单.xlsx`, (fileToken) =>
        api()['draws:export-list']({ drawId: current!.id, fileToken }),
      );
      if (done) message.success(`已导出抽取名单 ${done.fileName}（${done.rows} 户）`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return { openProjector, exportProof, exportRecord, exportList };
}
