import { Typography } from 'antd';

/** A 64-hex SHA-256 value in groups of 8, so people can read it aloud and compare it with the printed record. */
export function hashGroups(hex: string, size = 8): string[] {
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += size) groups.push(hex.slice(i, i + size));
  return groups;
}

/** A hash on the operator's page: monospace groups, with a copy button that copies the whole value. */
export function HashText({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text copyable={{ text: value, tooltips: ['复制', '已复制'] }} data-testid={testId} data-value={value}>
      <span
        style={{
          fontFamily: 'ui-monospace, "DejaVu Sans Mono", Consolas, monospace',
          wordSpacing: '0.35em',
          letterSpacing: '0.02em',
        }}
      >
        {hashGroups(value).join(' ')}
      </span>
    </Typography.Text>
  );
}
