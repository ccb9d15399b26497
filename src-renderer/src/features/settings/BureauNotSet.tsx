import { Alert } from 'antd';

/** Shown until the administrator has entered the bureau: what it is for, and what waits for it. */
export function BureauNotSet() {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="bureau-not-set"
      style={{ marginBottom: 16, maxWidth: 760 }}
      title="请先填写本局的机关名称和机关简称"
      description="机关名称印在公示的抽查计划、抽取记录和一户一表上；机关简称用于任务编号，例如「城关市监抽查〔2026〕1号」。填写之前，不能公示年度抽查计划，也不能准备抽取。"
    />
  );
}
