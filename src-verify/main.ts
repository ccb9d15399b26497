/**
 * The offline verify page (resources/verify.html): a bureau publishes a draw's proof JSON; anyone opens this single
 * file in any browser, with no network, drops the proof on it, and the page re-derives everything with the same
 * engine (src-shared/draw) over a pure-JS SHA-256. Plain DOM, no framework: it must stay one small auditable file.
 */
import { lookupEntity, verifyProof, type DrawProof, type VerifyReport } from '@shared/draw';
import { nobleSha256 } from './noble-sha256';
import { formatCount } from '@shared/domain/counts';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from verify.html`);
  return node as T;
}

let currentProof: DrawProof | null = null;

function table(headers: string[], rows: string[][]): HTMLTableElement {
  const result = element('table');
  const head = result.createTHead().insertRow();
  for (const header of headers) head.appendChild(element('th', header));
  const body = result.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) =>
      tr.appendChild(element('td', cell, i === row.length - 1 && /^[0-9a-f]{64}$/.test(cell) ? 'hex' : undefined)),
    );
  }
  return result;
}

function showReport(fileName: string, report: VerifyReport): void {
  const panel = byId('result');
  panel.replaceChildren();
  panel.appendChild(element('p', `文件：${fileName}`, 'muted'));
  if (report.valid) {
    panel.appendChild(element('h2', '验证通过', 'verdict ok'));
    panel.appendChild(
      element('p', '按记录中的输入、随机数和见证值重新推导，抽中对象、名单包、检查组和递补与记录完全一致。'),
    );
    const facts = element('dl');
    for (const [term, value] of [
      ['种子', report.seed],
      ['输入摘要', report.inputDigest],
      ['名单包', `${report.packages} 个`],
      ['递补', `${formatCount(report.amendments)} 条`],
    ]) {
      facts.appendChild(element('dt', term));
      facts.appendChild(element('dd', value, /^[0-9a-f]{64}$/.test(value) ? 'hex' : undefined));
    }
    panel.appendChild(facts);
    panel.appendChild(
      table(
        ['层', '候选户数', '抽取户数', '截止抽取号（最后一名抽中者）'],
        report.strata.map((s) => [
          s.name,
          formatCount(s.candidates),
          formatCount(s.quota),
          s.cutoffKey ?? '（本层未抽取）',
        ]),
      ),
    );
  } else {
    panel.appendChild(element('h2', '验证未通过', 'verdict bad'));
    panel.appendChild(element('p', `第一处不一致：${report.difference.message}`, 'difference'));
    panel.appendChild(element('p', `位置：${report.difference.path}`, 'muted'));
    if (report.seed) panel.appendChild(element('p', `按记录重新计算的种子：${report.seed}`, 'muted hex'));
  }
  byId('lookup').hidden = currentProof === null;
}

async function openFile(file: File): Promise<void> {
  await openText(file.name, () => file.text());
}

async function openText(fileName: string, read: () => Promise<string>): Promise<void> {
  const panel = byId('result');
  panel.replaceChildren(element('p', '正在重新推导……', 'muted'));
  byId('lookup-result').replaceChildren();
  let raw: unknown;
  try {
    raw = JSON.parse((await read()).replace(/^\uFEFF/, ''));
  } catch (error) {
    currentProof = null;
    panel.replaceChildren(
      element('h2', '无法读取', 'verdict bad'),
      element('p', `${fileName} 不是有效的 JSON:${(error as Error).message}`),
    );
    return;
  }
  // Let the "working" line paint before a long synchronous re-derivation.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const report = verifyProof(raw, nobleSha256);
  currentProof = report.valid || report.seed ? (raw as DrawProof) : null;
  showReport(fileName, report);
}

/**
 * A copy published in a 公示包 carries its task's proof in a JSON data block (data, not script: nothing of it runs),
 * because a page opened from disk may not read the proof.json beside it. It is verified at once.
 */
function openEmbeddedProof(): void {
  const block = document.getElementById('proof-data');
  const text = block?.textContent ?? '';
  if (text.trim() !== '') void openText(block?.dataset.name ?? 'proof.json', () => Promise.resolve(text));
}

function lookUp(): void {
  const output = byId('lookup-result');
  output.replaceChildren();
  const code = byId<HTMLInputElement>('uscc').value;
  if (!currentProof || code.trim() === '') return;
  const standing = lookupEntity(currentProof, code, nobleSha256);
  if (!standing) {
    output.appendChild(element('p', `统一社会信用代码 ${code.trim()} 不在本次抽取的候选名单中。`, 'difference'));
    return;
  }
  output.appendChild(
    element(
      'p',
      standing.selected ? `已抽中，在第 ${standing.packageNo} 包。` : '未抽中。',
      standing.selected ? 'verdict ok small' : 'verdict small',
    ),
  );
  output.appendChild(
    table(
      ['项目', '值'],
      [
        ['统一社会信用代码', standing.code],
        ['所属层', standing.stratum],
        [
          '排名',
          `第 ${standing.rank} 名（本层共 ${formatCount(standing.candidates)} 户，抽取前 ${formatCount(standing.quota)} 名）`,
        ],
        ['我的抽取号', standing.key],
        ['本层截止抽取号', standing.cutoffKey ?? '（本层未抽取）'],
      ],
    ),
  );
  output.appendChild(
    element(
      'p',
      `抽取号 = SHA-256（种子 ‖ "entity:${standing.stratum}" ‖ 0x00 ‖ 统一社会信用代码），可用任何 SHA-256 工具自行核算；抽取号不大于截止抽取号者抽中。`,
      'muted',
    ),
  );
}

function start(): void {
  const input = byId<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
  });
  const zone = byId('drop');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (file) void openFile(file);
  });
  byId('lookup-form').addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp();
  });
  openEmbeddedProof();
}

start();
