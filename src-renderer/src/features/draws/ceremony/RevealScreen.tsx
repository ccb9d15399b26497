import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { CeremonyState, PackageView } from '@shared/domain/draws';
import { api } from '../../../api';
import { WitnessStrip } from './CeremonyParts';

/** A column of packages is at least this many characters of the projector's type wide (a name, a team). */
const COLUMN_EMS = 17;
/** A package card's padding and border, top and bottom (ceremony.css). */
const CARD_CHROME_PX = 32;
const LINE_STAGGER = 0.28;

interface Fit {
  columns: number;
  perScreen: number;
  /** Entity lines a card shows; a larger package ends with 等共 N 户. */
  entityLines: number;
}

/** How many packages of `largest` entities fit the slide area as it is laid out on this window, in its type. */
function measure(slide: HTMLElement, largest: number): Fit {
  const style = getComputedStyle(slide);
  const em = parseFloat(style.fontSize);
  const line = parseFloat(style.lineHeight) || em * 1.3;
  const rowGap = parseFloat(style.rowGap) || 0;
  const columnGap = parseFloat(style.columnGap) || 0;
  const { clientWidth: width, clientHeight: height } = slide;
  const columns = Math.max(1, Math.floor((width + columnGap) / (COLUMN_EMS * em + columnGap)));
  const linesInCard = Math.max(3, Math.floor((height - CARD_CHROME_PX) / line));
  const entityLines = Math.max(1, Math.min(largest, largest > linesInCard - 2 ? linesInCard - 3 : largest));
  const cardLines = entityLines + 2 + (largest > entityLines ? 1 : 0);
  const rows = Math.max(1, Math.floor((height + rowGap) / (cardLines * line + CARD_CHROME_PX + rowGap)));
  return { columns, perScreen: rows * columns, entityLines };
}

/** Measures the slide area now and whenever the window changes size. */
function useFit(largest: number) {
  const slide = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit | null>(null);
  useLayoutEffect(() => {
    const element = slide.current!;
    const update = () => setFit(measure(element, largest));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [largest]);
  return { slide, fit };
}

const delay = (seconds: number) => ({ '--delay': `${seconds.toFixed(2)}s` }) as CSSProperties;

function PackageCard({ pkg, firstLine, entityLines }: { pkg: PackageView; firstLine: number; entityLines: number }) {
  const entities = pkg.entities.slice(0, entityLines);
  const at = (line: number) => delay((firstLine + line) * LINE_STAGGER);
  return (
    <div className="ceremony-package" style={at(0)} data-testid={`ceremony-package-${pkg.no}`}>
      <div className="ceremony-package-title ceremony-line ceremony-appear" style={at(0)}>
        第 {pkg.no} 包{pkg.area ? ` · ${pkg.area}` : ''}
      </div>
      {entities.map((e, i) => (
        <div className="ceremony-line ceremony-appear" key={e.code} style={at(1 + i)}>
          {e.name}
        </div>
      ))}
      {pkg.entities.length > entities.length && <div className="ceremony-muted">等共 {pkg.entities.length} 户</div>}
      <div className="ceremony-team ceremony-line ceremony-appear" style={at(1 + entities.length)}>
        检查组：{pkg.team.map((m) => m.name).join('、')}
      </div>
    </div>
  );
}

/**
 * 揭晓 on the projector, at the window's own size in type ≥ 48 px: the screen of packages the operator shows (each
 * line appearing in turn), the witnesses beneath. It measures how many packages fit and tells the main process.
 */
export function RevealScreen({ state }: { state: CeremonyState }) {
  const result = state.result!;
  const position = state.reveal!;
  const { slide, fit } = useFit(result.largestPackage);
  const perScreen = fit?.perScreen;
  const known = useRef(position.perScreen);
  known.current = position.perScreen;

  // Told when this window's measure changes, not on every answer: two projectors of different sizes must not take turns.
  useEffect(() => {
    if (perScreen === undefined || perScreen === known.current) return;
    const told = api()['draws:reveal-fit']({ taskId: state.task.id, perScreen });
    told.catch(() => undefined); // the next answer still shows the position; the next measure tells again
  }, [perScreen, position.drawId, state.task.id]);

  let line = 0;
  return (
    <>
      <div className="ceremony-head">
        <div className="ceremony-name ceremony-reveal-name">{state.task.name}</div>
        <div className="ceremony-stage" data-stage={state.stage} data-testid="ceremony-stage">
          第 {position.screen}/{position.screens} 屏
        </div>
      </div>
      <div
        className="ceremony-slide"
        ref={slide}
        data-testid="ceremony-reveal"
        data-slide={position.screen}
        data-per-screen={fit?.perScreen}
        style={{ gridTemplateColumns: `repeat(${fit?.columns ?? 2}, minmax(0, 1fr))` }}
      >
        {fit &&
          // A smaller window than the one the position was measured on shows what it holds until its own measure counts.
          result.packages.slice(0, fit.perScreen).map((p) => {
            const firstLine = line;
            line += Math.min(p.entities.length, fit.entityLines) + 2;
            return <PackageCard key={p.no} pkg={p} firstLine={firstLine} entityLines={fit.entityLines} />;
          })}
      </div>
      <WitnessStrip state={state} />
    </>
  );
}
