import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';

/** What the task editor offers: the bureau's settings and the values found in the rosters. */
export function useTaskOptions() {
  return useApiCall(async () => {
    const a = api();
    const [settings, entities, inspectors, experts] = await Promise.all([
      a['settings:get']({}),
      a['roster:filter-options']({ roster: 'entities' }),
      a['roster:filter-options']({ roster: 'inspectors' }),
      a['roster:filter-options']({ roster: 'experts' }),
    ]);
    const officesOf = (kind: string) => entities.offices.filter((o) => o.kind === kind).map((o) => o.name);
    return {
      settings,
      areas: entities.areas,
      industries: entities.industries,
      entityTags: entities.tags,
      inspectorTags: inspectors.tags,
      expertTags: experts.tags,
      stations: officesOf('市场监管所'),
      bureauDepartments: officesOf('局机关'),
      otherAgencies: officesOf('其他部门'),
    };
  });
}

export type TaskOptions = NonNullable<ReturnType<typeof useTaskOptions>['data']>;
