import type { PublishProgress, PublishResult } from '@shared/ipc/channels/publish';
import type { Req } from '@shared/ipc/contract';
import { api } from '../../api';
import { newJobId } from '../../components/files';
import { chooseFolder, jobEnd, jobRunning, useJob, type JobEnd, type JobState } from '../../components/useJob';

const readProgress = (jobId: string) => api()['publish:progress']({ jobId });
const cancelPublish = (jobId: string) => api()['publish:cancel']({ jobId });

export type PublishScope = Req<'publish:run'>['scope'];

/** Where the page's package stands: idle, running (with its polled progress), or its outcome. */
export type PublishState = JobState<PublishProgress, JobEnd<PublishResult>>;

/** The folder dialog, then the package in main's worker under a job id the page polls and may cancel. */
export function usePublish() {
  const { state, setState, cancel } = useJob<PublishProgress, JobEnd<PublishResult>>(readProgress, cancelPublish);

  async function start(scope: PublishScope) {
    const calls = api();
    const folderToken = await chooseFolder(calls['publish:choose-folder']({}), setState);
    if (folderToken === null) return;
    const jobId = newJobId();
    setState(jobRunning(jobId));
    setState(await jobEnd(calls['publish:run']({ scope, folderToken, jobId })));
  }

  return { state, start, cancel };
}
