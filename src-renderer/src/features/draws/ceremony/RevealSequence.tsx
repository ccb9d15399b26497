import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { PackageView } from '@shared/domain/draws';

/** Lines of 64 px the slide area holds (1080 minus the header and footer, at 48 px type). */
const SLIDE_LINES = 11;
const MAX_ENTITY_LINES = SLIDE_LINES - 2;
const LINE_STAGGER = 0.28;
const READING_TIME = 3.2;

/** Packages per slide: two columns, as many rows as their lines allow. */
export function packagesPerSlide(packages: PackageView[]): number {
  const tallest = Math.min(MAX_ENTITY_LINES, Math.max(1, ...packages.map((p) => p.entities.length)));
  return 2 * Math.max(1, Math.floor(SLIDE_LINES / (tallest + 2)));
}

const delay = (seconds: number) => ({ '--delay': `${seconds.toFixed(2)}s` }) as CSSProperties;

/**
 * 揭晓 on the projector: the drawn packages a slide at a time, each entity and each team appearing in turn, then
 * `onDone` (the summary follows). Timed, not driven: the projector has no controls.
 */
export function RevealSequence({
  packages,
  packageCount,
  onDone,
}: {
  packages: PackageView[];
  packageCount: number;
  onDone: () => void;
}) {
  const perSlide = useMemo(() => packagesPerSlide(packages), [packages]);
  const slides = Math.max(1, Math.ceil(packages.length / perSlide));
  const [slide, setSlide] = useState(0);
  const shown = packages.slice(slide * perSlide, (slide + 1) * perSlide);
  const lines = shown.reduce((sum, p) => sum + Math.min(p.entities.length, MAX_ENTITY_LINES) + 2, 0);

  useEffect(() => {
    const timer = setTimeout(
      () => (slide + 1 < slides ? setSlide(slide + 1) : onDone()),
      (lines * LINE_STAGGER + READING_TIME) * 1000,
    );
    return () => clearTimeout(timer);
  }, [slide, slides, lines, onDone]);

  let line = 0;
  return (
    <>
      <div className="ceremony-slide" key={slide} data-testid="ceremony-reveal" data-slide={slide + 1}>
        {shown.map((p) => {
          const start = line;
          const entities = p.entities.slice(0, MAX_ENTITY_LINES);
          line += entities.length + 2;
          return (
            <div
              className="ceremony-package"
              key={p.no}
              style={delay(start * LINE_STAGGER)}
              data-testid={`ceremony-package-${p.no}`}
            >
              <div className="ceremony-package-title ceremony-line ceremony-appear" style={delay(start * LINE_STAGGER)}>
                第 {p.no} 组{p.area ? ` · ${p.area}` : ''}
              </div>
              {entities.map((e, i) => (
                <div
                  className="ceremony-line ceremony-appear"
                  key={e.code}
                  style={delay((start + 1 + i) * LINE_STAGGER)}
                >
                  {e.name}
                </div>
              ))}
              {p.entities.length > entities.length && <div className="ceremony-muted">等共 {p.entities.length} 户</div>}
              <div
                className="ceremony-team ceremony-line ceremony-appear"
                style={delay((start + 1 + entities.length) * LINE_STAGGER)}
              >
                检查组:{p.team.map((m) => m.name).join('、')}
              </div>
            </div>
          );
        })}
      </div>
      <div className="ceremony-footer">
        <span>
          抽中名单 第 {slide + 1}/{slides} 屏
        </span>
        <span>
          共 {packageCount} 个名单包
          {packages.length < packageCount ? `(投影显示前 ${packages.length} 个,完整名单见记录表)` : ''}
        </span>
      </div>
    </>
  );
}
