import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CeremonyStage } from '@shared/domain/draws';

/**
 * The projector's picture: laid out at 1920×1080 (type ≥ 48 px there), scaled to fit the window as one picture; or,
 * `fluid`, laid out at the window's own size (the reveal, which fits as many packages as the window holds).
 */
export function Screen({
  phase,
  stage,
  fluid = false,
  children,
}: {
  phase: string;
  stage?: CeremonyStage;
  fluid?: boolean;
  children: ReactNode;
}) {
  const screen = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const element = screen.current!;
    const fit = () => setScale(Math.min(element.clientWidth / 1920, element.clientHeight / 1080));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="ceremony-screen" ref={screen}>
      <div
        className={fluid ? 'ceremony ceremony-fluid' : 'ceremony'}
        data-testid="ceremony-view"
        data-phase={phase}
        data-stage={stage}
        style={fluid || scale === 1 ? undefined : { transform: `scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
