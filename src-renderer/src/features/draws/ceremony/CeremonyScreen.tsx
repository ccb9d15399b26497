import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CeremonyStage } from '@shared/domain/draws';

/** The projector's picture: laid out at 1920×1080 (type ≥ 48 px there), scaled to fit the window as one picture. */
export function Screen({ phase, stage, children }: { phase: string; stage?: CeremonyStage; children: ReactNode }) {
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
        className="ceremony"
        data-testid="ceremony-view"
        data-phase={phase}
        data-stage={stage}
        style={scale === 1 ? undefined : { transform: `scale(${scale})` }}
      >
        {children}
      </div>
    </div>
  );
}
