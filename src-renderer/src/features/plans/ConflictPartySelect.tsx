import { useMemo, useState } from 'react';
import { Flex, Select, Space, Tag, Typography } from 'antd';
import type { EntityRow, ExpertRow, InspectorRow } from '@shared/domain/roster-views';
import { api } from '../../api';
import { useApiCall } from '../../components/useApiCall';
import { useDebouncedValue } from '../../components/useDebouncedValue';

/** One side of a 回避关系 as the page shows it: the key the task stores, and who that is. */
export interface ConflictParty {
  /** 执法证号, or the entity's 统一社会信用代码 (注册号 when it has none). */
  key: string;
  name: string;
  /** 单位 of an inspector; empty for an entity. */
  office: string;
  /** 状态 / 登记状态 when it is not the usual one (在岗, 存续): shown beside the name. */
  note: string;
}

export type PartyRoster = 'inspectors' | 'entities';

/** The party a roster:query row is (an expert is none: 回避 names 执法人员). */
export function partyOf(row: EntityRow | InspectorRow | ExpertRow): ConflictParty | null {
  if ('badgeNo' in row) {
    const note = row.status === '在岗' ? '' : row.status;
    return { key: row.badgeNo, name: row.name, office: row.office, note };
  }
  if (!('regStatus' in row)) return null;
  const note = row.regStatus === '存续' ? '' : row.regStatus;
  return { key: row.uscc ?? row.regNo ?? '', name: row.name, office: '', note };
}

const KEY_LABEL: Record<PartyRoster, string> = { inspectors: '执法证号', entities: '代码' };

/** A party on two lines: the name (and a tag when it is not 在岗 / 存续), then its key and 单位. */
export function PartyText({ roster, party }: { roster: PartyRoster; party: ConflictParty }) {
  return (
    <Flex vertical>
      <Space size={4}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {party.name}
        </Typography.Text>
        {party.note && <Tag color="orange">{party.note}</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {KEY_LABEL[roster]} {party.key}
        {party.office ? ` · ${party.office}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/** The chosen party in the picker's one-line box. */
const shortText = (party: ConflictParty) => `${party.name}（${party.key}）`;

const PLACEHOLDER: Record<PartyRoster, string> = {
  inspectors: '输入姓名或执法证号检索执法人员',
  entities: '输入名称或代码检索检查对象',
};
const NOT_FOUND: Record<PartyRoster, string> = {
  inspectors: '执法人员名录中没有匹配的人员',
  entities: '检查对象名录中没有匹配的对象',
};

/** An inspector or an entity, searched in its roster on the server as the clerk types (ten at a time). */
export function ConflictPartySelect({
  roster,
  value,
  onChange,
  width,
}: {
  roster: PartyRoster;
  value: ConflictParty | null;
  onChange: (party: ConflictParty | null) => void;
  width: number;
}) {
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 250);
  const { data, loading } = useApiCall(
    () => (search ? api()['roster:query']({ roster, pageSize: 10, search }) : Promise.resolve(null)),
    [roster, search],
  );
  const parties = useMemo(() => {
    const found = (data?.rows ?? []).map(partyOf).filter((p) => p !== null);
    return value && !found.some((p) => p.key === value.key) ? [value, ...found] : found;
  }, [data, value]);
  return (
    <Select
      style={{ width }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      loading={loading}
      value={value?.key ?? null}
      onChange={(key: string | null) => onChange(parties.find((p) => p.key === key) ?? null)}
      options={parties.map((p) => ({ value: p.key, label: shortText(p) }))}
      optionRender={(option) => {
        const party = parties.find((p) => p.key === option.value);
        return party ? <PartyText roster={roster} party={party} /> : option.label;
      }}
      placeholder={PLACEHOLDER[roster]}
      notFoundContent={!search ? '请输入检索内容' : loading ? '正在检索…' : NOT_FOUND[roster]}
      popupMatchSelectWidth={false}
      data-testid={`conflict-${roster}`}
    />
  );
}
