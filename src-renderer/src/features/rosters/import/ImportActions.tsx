import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { ROSTER_LABELS, type RosterKind } from '@shared/domain/rosters';
import { api } from '../../../api';
import { errorText, saveThroughDialog } from '../../../components/files';
import { ImportDialog } from './ImportDialog';

/** 导入 and 下载导入模板 for one roster: the buttons a roster page puts in its toolbar, with the dialog. */
export function ImportActions({ kind, onImported }: { kind: RosterKind; onImported: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const label = ROSTER_LABELS[kind];

  async function downloadTemplate() {
    try {
      const done = await saveThroughDialog('template', `${label}导入模板.xlsx`, (fileToken) =>
        api()['roster:template']({ kind, fileToken }),
      );
      if (done) message.success(`导入模板已保存为 ${done.fileName}（表头批注说明了每一列的填写要求）`);
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <>
      <Button type="primary" icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid={`import-${kind}`}>
        导入
      </Button>
      <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid={`template-${kind}`}>
        下载导入模板
      </Button>
      <ImportDialog kind={kind} open={open} onClose={() => setOpen(false)} onImported={onImported} />
    </>
  );
}
