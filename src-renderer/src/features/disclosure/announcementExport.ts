import type { Req } from '@shared/ipc/contract';
import { api } from '../../api';
import { saveThroughDialog } from '../../components/files';

export type AnnouncementRef = Req<'disclosure:export'>['announcement'];

/** 导出: the announcement as xlsx or PDF, written where the clerk's save dialog points. */
export function exportAnnouncement(announcement: AnnouncementRef, title: string, format: 'xlsx' | 'pdf') {
  return saveThroughDialog(
    format === 'xlsx' ? 'disclosure-xlsx' : 'disclosure-pdf',
    `${title}.${format}`,
    (fileToken) => api()['disclosure:export']({ announcement, format, fileToken }),
  );
}
